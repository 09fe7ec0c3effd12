using QuantBench.Results;
using QuantBench.Serving;
using QuantBench.Settings;

namespace QuantBench.Tests.Launching;

/// <summary>A launched ladder of scripted figures: Q8_0 and Q4_0 measured at c=1 and c=4, Q2_K failed at start.</summary>
internal static class LadderSamples
{
    private const long MiB = 1024 * 1024;

    internal static RunResult Run(bool gpu = false) => new()
    {
        ToolVersion = "0.0.0",
        StartedUtc = DateTimeOffset.UnixEpoch,
        Settings = new BenchmarkSettings(),
        Ladder = new ServingLadder
        {
            Command = "llama-server -m {model} --port {port}",
            Target = new ServingTarget { Urls = ["llama-server -m {model} --port {port}"], Api = ServingApi.Completions, PromptTokens = "16", PromptLengths = PromptLengthSource.ServerTokenizer, OutputTokens = 5 },
            Plan = new ServingSweepPlan { Loads = [ServingLoad.Concurrency(1), ServingLoad.Concurrency(4)] },
            Levels =
            [
                Level("Q8_0", 100, gpu ? 300 : null, tokenMs: 20, serverTokenMs: 18, perSecond: [40, 120]),
                Level("Q4_0", 60, gpu ? 200 : null, tokenMs: 10, serverTokenMs: 9, perSecond: [80, 200]),
                new LevelServingSummary { Level = "Q2_K", FileBytes = 40 * MiB, Failure = "the server exited with code 1 before it was ready", LogTail = ["error: unknown model"], LogPath = "/tmp/Q2_K/server.log" },
            ],
        },
    };

    /// <summary>A level whose c=1 requests (TTFT 50 ms, then 5 tokens <paramref name="tokenMs"/> apart) and points are scripted.</summary>
    private static LevelServingSummary Level(string name, long mib, long? vramMib, double tokenMs, double serverTokenMs, double[] perSecond)
    {
        ServingSample Sample(int i) => new()
        {
            Index = i,
            UrlIndex = 0,
            SentMs = i * 1000,
            ContentChunkMs = [50, 50 + tokenMs, 50 + 2 * tokenMs, 50 + 3 * tokenMs, 50 + 4 * tokenMs],
            EndMs = 50 + 4 * tokenMs,
            OutputTokens = 5,
            PromptTokens = 16,
            TokenCounts = TokenCountSource.Usage,
            ServerPredictedPerTokenMs = serverTokenMs,
        };
        ServingSample[] samples = [Sample(0), Sample(1)];
        var metrics = ServingPointMetrics.From(samples, ServiceLevelObjective.Default);
        return new LevelServingSummary
        {
            Level = name,
            ModelPath = $"/models/{name}.gguf",
            FileBytes = mib * MiB,
            StartupSeconds = 1.5,
            LogPath = $"/tmp/{name}/server.log",
            Memory = new ServerMemoryResult
            {
                IdleResidentBytes = (mib + 20) * MiB,
                PeakResidentBytes = (mib + 50) * MiB,
                PeakAnonymousBytes = 40 * MiB,
                PeakFileBytes = mib * MiB,
                ProcessCount = 1,
                SamplerMeanIntervalMs = 5,
                SamplerMaxIntervalMs = 9,
                Phases = [],
                Gpu = vramMib is long v ? new GpuMemoryResult { Available = true, PeakProcessUsedBytes = v * MiB } : new GpuMemoryResult { UnavailableReason = "no GPU" },
            },
            Points =
            [
                new ServingPoint { Load = ServingLoad.Concurrency(1), WarmupRequests = 0, Samples = [.. samples], ClientCpuShare = 0, Metrics = metrics with { OutputTokensPerSecond = perSecond[0], GoodputRequestsPerSecond = perSecond[0] / 10 } },
                new ServingPoint { Load = ServingLoad.Concurrency(4), WarmupRequests = 0, Samples = [], ClientCpuShare = 0, Metrics = metrics with { OutputTokensPerSecond = perSecond[1], GoodputRequestsPerSecond = perSecond[1] / 10 } },
            ],
        };
    }
}
