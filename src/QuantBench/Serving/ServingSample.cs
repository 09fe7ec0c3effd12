using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace QuantBench.Serving;

/// <summary>
/// One measured request, raw, as the client saw it: when it was sent (ms after the point began), when each chunk
/// with output text arrived and when the stream ended (ms after sending, by <c>Stopwatch</c>), the token counts the
/// server reported and the server's own timings. Every per-request figure is derived from these, so a report can always recompute them.
/// </summary>
public sealed record ServingSample
{
    public required int Index { get; init; }

    public required int UrlIndex { get; init; }

    public required double SentMs { get; init; }

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

    [JsonIgnore]
    public bool Succeeded => Error is null;

    /// <summary>Time to first token: the first chunk that carried output text.</summary>
    [JsonIgnore]
    public double? TimeToFirstTokenMs => Succeeded && !ContentChunkMs.IsEmpty ? ContentChunkMs[0] : null;

    /// <summary>End-to-end latency of a successful request.</summary>
    [JsonIgnore]
    public double? EndToEndMs => Succeeded ? EndMs : null;

    /// <summary>
    /// Time per output token after the first: (E2E - TTFT) / (n - 1), n the server's count of output tokens;
    /// null when n is unknown or below 2.
    /// </summary>
    [JsonIgnore]
    public double? TimePerOutputTokenMs =>
        TimeToFirstTokenMs is { } ttft && OutputTokens is { } n && n > 1 ? (EndMs - ttft) / (n - 1) : null;

    /// <summary>The gaps between consecutive chunks with output text (one chunk may hold several tokens).</summary>
    [JsonIgnore]
    public IEnumerable<double> InterChunkGapsMs =>
        Succeeded ? ContentChunkMs.Zip(ContentChunkMs.Skip(1), (a, b) => b - a) : [];

    /// <summary>The client's time per token minus the server's own (<c>predicted_per_token_ms</c>): the transport's share.</summary>
    [JsonIgnore]
    public double? TransportMsPerToken =>
        TimePerOutputTokenMs is { } tpot && ServerPredictedPerTokenMs is { } server ? tpot - server : null;
}
