using System.Collections.Immutable;

namespace QuantBench.Serving;

/// <summary>The points a sweep measured, and why it stopped before its last load (null when it did not).</summary>
public sealed record ServingSweepResult(ImmutableArray<ServingPoint> Points, string? StopReason);
