using QuantBench.Serving;

namespace QuantBench.Tests.Decisions;

/// <summary>Hand-made served load points with known figures, for comparisons and recommendations.</summary>
internal static class TestServing
{
    private static readonly double[] Jitter = [1.00, 1.01, 0.99, 1.02, 0.98, 1.005, 0.995, 1.015];

    /// <summary>
    /// A point of 8 requests with the given TTFT and TPOT (jittered), 9 tokens each, sent <paramref name="gapMs"/> apart;
    /// the first <paramref name="failed"/> fail.
    /// </summary>
    public static ServingPoint Point(int concurrency, double ttftMs, double tpotMs, int failed = 0, double gapMs = 1000)
    {
        var samples = Jitter.Select((j, i) =>
        {
            double ttft = ttftMs * j, tpot = tpotMs * j;
            double[] chunks = [.. Enumerable.Range(0, 9).Select(k => ttft + k * tpot)];
            return new ServingSample
            {
                Index = i,
                UrlIndex = 0,
                SentMs = i * gapMs,
                ContentChunkMs = [.. chunks],
                EndMs = chunks[^1],
                OutputTokens = 9,
                PromptTokens = 16,
                TokenCounts = TokenCountSource.Usage,
                Error = i < failed ? new ServingError(ServingErrorKind.CutStream, "cut") : null,
            };
        }).ToArray();
        return new ServingPoint
        {
            Load = ServingLoad.Concurrency(concurrency),
            WarmupRequests = 0,
            Samples = [.. samples],
            Metrics = ServingPointMetrics.From(samples, ServiceLevelObjective.Default),
            ClientCpuShare = 0.01,
        };
    }
}
