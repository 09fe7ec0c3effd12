using QuantBench.Serving;

namespace QuantBench.OpenAi;

/// <summary>What a stream has said so far: chunk arrival times, the last counts and timings it carried.</summary>
internal sealed class StreamState
{
    public List<double> ChunkMs { get; } = [];
    public bool Done { get; set; }
    public double DoneMs { get; set; }
    public string? FinishReason { get; private set; }
    private StreamChunk counts;

    public void Add(StreamChunk chunk, double arrivedMs)
    {
        if (chunk.TextLength > 0)
        {
            ChunkMs.Add(arrivedMs);
        }

        FinishReason = chunk.FinishReason ?? FinishReason;
        counts = counts with
        {
            UsagePromptTokens = chunk.UsagePromptTokens ?? counts.UsagePromptTokens,
            UsageCompletionTokens = chunk.UsageCompletionTokens ?? counts.UsageCompletionTokens,
            TimingsPromptTokens = chunk.TimingsPromptTokens ?? counts.TimingsPromptTokens,
            TimingsPredictedTokens = chunk.TimingsPredictedTokens ?? counts.TimingsPredictedTokens,
            TimingsPromptMs = chunk.TimingsPromptMs ?? counts.TimingsPromptMs,
            TimingsPredictedPerTokenMs = chunk.TimingsPredictedPerTokenMs ?? counts.TimingsPredictedPerTokenMs,
            TokensPredicted = chunk.TokensPredicted ?? counts.TokensPredicted,
        };
    }

    public ServingSample Complete(ServingRequest request, double endMs)
    {
        // usage first (the OpenAI field), then llama-server's own counts.
        var (prompt, output, source) = counts.UsageCompletionTokens is { } u
            ? (counts.UsagePromptTokens, (int?)u, TokenCountSource.Usage)
            : (counts.TimingsPredictedTokens ?? counts.TokensPredicted) is { } t
                ? (counts.TimingsPromptTokens, (int?)t, TokenCountSource.ServerTimings)
                : (null, null, TokenCountSource.None);
        return new ServingSample
        {
            Index = request.Index,
            UrlIndex = request.UrlIndex,
            SentMs = 0,
            ContentChunkMs = [.. ChunkMs],
            EndMs = endMs,
            PromptTokens = prompt ?? request.PromptTokens,
            OutputTokens = output,
            TokenCounts = source,
            ServerPromptMs = counts.TimingsPromptMs,
            ServerPredictedPerTokenMs = counts.TimingsPredictedPerTokenMs,
        };
    }
}
