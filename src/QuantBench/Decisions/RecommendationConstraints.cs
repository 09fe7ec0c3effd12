using System.Collections.Immutable;

namespace QuantBench.Decisions;

/// <summary>What a deployment can afford and must reach; a null limit is no constraint.</summary>
public sealed record RecommendationConstraints
{
    /// <summary>Upper bound on peak resident memory (VmHWM of the worker), in bytes.</summary>
    public long? MaxMemoryBytes { get; init; }

    /// <summary>Upper bound on the mean KL divergence against the baseline model.</summary>
    public double? MaxKld { get; init; }

    /// <summary>Upper bound on the median time to first token, in ms.</summary>
    public double? MaxTtftMs { get; init; }

    /// <summary>Lower bound on the median decode rate, in tokens per second.</summary>
    public double? MinDecodeTokensPerSecond { get; init; }

    /// <summary>Upper bound on the file size on disk, in bytes.</summary>
    public long? MaxSizeBytes { get; init; }

    /// <summary>Lower bounds on task accuracy (correct over scored), each for the task files it names.</summary>
    public ImmutableArray<TaskLimit> MinAccuracy { get; init; } = [];

    /// <summary>Upper bounds on the accuracy drop against the baseline on the same tasks ((lost - gained) / n).</summary>
    public ImmutableArray<TaskLimit> MaxAccuracyDrop { get; init; } = [];

    /// <summary>Whether a limit on quality (KLD or task accuracy) was given: the quality accepted, so speed decides.</summary>
    public bool LimitsQuality => MaxKld is not null || !MinAccuracy.IsDefaultOrEmpty || !MaxAccuracyDrop.IsDefaultOrEmpty;

    public static RecommendationConstraints None { get; } = new();

    public bool IsEmpty => MaxMemoryBytes is null && MaxKld is null && MaxTtftMs is null
        && MinDecodeTokensPerSecond is null && MaxSizeBytes is null && MinAccuracy.IsDefaultOrEmpty && MaxAccuracyDrop.IsDefaultOrEmpty;
}
