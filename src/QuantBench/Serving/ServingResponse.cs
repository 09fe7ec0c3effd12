using System.Collections.Immutable;

namespace QuantBench.Serving;

/// <summary>
/// What a client saw of one streamed request, every time in ms after the request was sent (by <c>Stopwatch</c>).
/// </summary>
public sealed record ServingResponse
{
    /// <summary>Arrival of each chunk that carried output text, in order.</summary>
    public ImmutableArray<double> ContentChunkMs { get; init; } = [];

    /// <summary>When the stream ended (the server's <c>[DONE]</c>) or the request failed.</summary>
    public required double EndMs { get; init; }

    public int? PromptTokens { get; init; }

    public int? OutputTokens { get; init; }

    public TokenCountSource TokenCounts { get; init; }

    /// <summary>llama-server's <c>timings.prompt_ms</c>: its own prefill time.</summary>
    public double? ServerPromptMs { get; init; }

    /// <summary>llama-server's <c>timings.predicted_per_token_ms</c>: its own decode time per token.</summary>
    public double? ServerPredictedPerTokenMs { get; init; }

    /// <summary>Null when the request succeeded.</summary>
    public ServingError? Error { get; init; }
}
