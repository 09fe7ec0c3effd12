using QuantBench.Statistics;

namespace QuantBench.Throughput;

/// <summary>One depth: the fill (a prefill of D tokens), then N single-token decodes at positions D..D+N-1; one value per repetition.</summary>
public sealed record ContextDepthPoint
{
    public required int DepthTokens { get; init; }
    public required int DecodeTokens { get; init; }

    /// <summary>N / time of the N decodes (llama-bench's <c>tgN @ dD</c>).</summary>
    public required SampleStatistics DecodeTokensPerSecond { get; init; }

    /// <summary>D / fill time (llama-bench's <c>ppD</c>); null at depth 0.</summary>
    public SampleStatistics? PrefillTokensPerSecond { get; init; }

    /// <summary>(D + N) / (fill + decode time) (llama-bench's <c>ppD+tgN</c>); null at depth 0.</summary>
    public SampleStatistics? PromptAndGenerateTokensPerSecond { get; init; }

    /// <summary>e.g. <c>tg64 @ d512</c>; plain <c>tg64</c> at depth 0.</summary>
    public string DecodeTestName => DepthTokens == 0 ? $"tg{DecodeTokens}" : $"tg{DecodeTokens} @ d{DepthTokens}";

    /// <summary>e.g. <c>pp512</c>; null at depth 0.</summary>
    public string? PrefillTestName => DepthTokens == 0 ? null : $"pp{DepthTokens}";

    /// <summary>e.g. <c>pp512+tg64</c>; null at depth 0.</summary>
    public string? PromptAndGenerateTestName => DepthTokens == 0 ? null : $"pp{DepthTokens}+tg{DecodeTokens}";
}
