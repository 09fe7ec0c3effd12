using System.Collections.Immutable;

namespace QuantBench.Serving;

/// <summary>One load point: its raw samples (measured requests only, warm-ups left out) and the figures derived from them.</summary>
public sealed record ServingPoint
{
    public required ServingLoad Load { get; init; }
    public required int WarmupRequests { get; init; }
    public required ImmutableArray<ServingSample> Samples { get; init; }
    public required ServingPointMetrics Metrics { get; init; }
    /// <summary>The client process's CPU time over the point's wall time, as a share of all cores.</summary>
    public required double ClientCpuShare { get; init; }
    public ImmutableArray<string> Warnings { get; init; } = [];
}
