using System.Collections.Immutable;

namespace QuantBench.Throughput;

/// <summary>The batch-size sweep: B requests of the same shape decoded together, for each swept B.</summary>
public sealed record BatchSweepResult
{
    public required int PromptTokens { get; init; }
    public required int OutputTokens { get; init; }
    public required int Repetitions { get; init; }
    public required ImmutableArray<BatchSizeResult> Points { get; init; }

    /// <summary>The smallest swept B that no larger swept B beats by <see cref="KneeMinimumGain"/> (see <see cref="KneeDetector"/>); null when throughput still grows at the largest B.</summary>
    public int? KneeBatchSize { get; init; }

    public required double KneeMinimumGain { get; init; }

    /// <summary>The largest batch that fits in memory, or null when the memory available could not be read.</summary>
    public BatchMemoryFit? MemoryFit { get; init; }

    /// <summary>llama-bench's name for the request shape, e.g. <c>pp128+tg64</c>.</summary>
    public string TestName => $"pp{PromptTokens}+tg{OutputTokens}";
}
