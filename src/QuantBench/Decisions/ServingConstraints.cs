using QuantBench.Serving;

namespace QuantBench.Decisions;

/// <summary>
/// What a served deployment must reach and can afford: requests per second meeting an objective, memory, size, and
/// the single-stream figures; a null limit is no constraint.
/// </summary>
public sealed record ServingConstraints
{
    /// <summary>The objective a request must meet to count as good (goodput).</summary>
    public required ServiceLevelObjective Objective { get; init; }

    /// <summary>Lower bound on the level's best goodput (requests/s meeting <see cref="Objective"/>) at any load point.</summary>
    public double? AtRequestsPerSecond { get; init; }

    /// <summary>Upper bound on the server's peak resident memory (process tree), in bytes.</summary>
    public long? MaxMemoryBytes { get; init; }

    /// <summary>Upper bound on the server's peak GPU memory, in bytes.</summary>
    public long? MaxGpuBytes { get; init; }

    /// <summary>Upper bound on the model file's size, in bytes.</summary>
    public long? MaxSizeBytes { get; init; }

    /// <summary>Upper bound on the median TTFT at concurrency 1, in ms.</summary>
    public double? MaxTtftMs { get; init; }

    /// <summary>Lower bound on the median decode rate of one stream (1000 / TPOT at concurrency 1), in tokens/s.</summary>
    public double? MinDecodeTokensPerSecond { get; init; }

    public bool IsEmpty => AtRequestsPerSecond is null && MaxMemoryBytes is null && MaxGpuBytes is null && MaxSizeBytes is null
        && MaxTtftMs is null && MinDecodeTokensPerSecond is null;
}
