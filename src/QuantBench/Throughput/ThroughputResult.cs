namespace QuantBench.Throughput;

/// <summary>The throughput scenario of one model; a part is null when it was not run.</summary>
public sealed record ThroughputResult
{
    public BatchSweepResult? BatchSweep { get; init; }
    public MixedLoadResult? MixedLoad { get; init; }
    public ContextDepthResult? ContextDepth { get; init; }

    /// <summary>Wall time of the whole scenario, decoder contexts included.</summary>
    public double DurationMs { get; init; }
}
