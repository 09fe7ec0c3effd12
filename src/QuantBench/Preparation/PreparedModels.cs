using System.Collections.Immutable;
using QuantBench.Results;

namespace QuantBench.Preparation;

/// <summary>The models a run will measure and how long preparing them took.</summary>
public sealed record PreparedModels(ImmutableArray<ModelDescriptor> Models, ImmutableArray<PhaseDuration> Phases);
