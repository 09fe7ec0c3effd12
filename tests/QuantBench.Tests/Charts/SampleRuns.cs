using System.Collections.Immutable;
using QuantBench.Measurements;
using QuantBench.Results;
using QuantBench.Running;
using QuantBench.Settings;

namespace QuantBench.Tests.Charts;

/// <summary>Small hand-made runs for report tests, and the real run kept as a fixture.</summary>
internal static class SampleRuns
{
    public static string RealRunFile => Path.Combine(AppContext.BaseDirectory, "Charts", "Fixtures", "tiny-run.results.json");

    public static RunResult RealRun() => ResultsJson.ReadRun(RealRunFile);

    /// <summary>A succeeded level whose requests all take <paramref name="ttftMs"/> to the first token and then <paramref name="gapMs"/> per token.</summary>
    public static ModelResult Level(string label, long fileBytes, double bitsPerWeight, double ttftMs, double gapMs, int requests = 4, int outputTokens = 8)
    {
        var samples = Enumerable.Range(0, requests).Select(i =>
        {
            // A little spread between requests, so every statistic and interval is defined.
            double jitter = 1 + 0.01 * i;
            var gaps = Enumerable.Range(0, outputTokens - 1).Select(g => gapMs * jitter * (1 + 0.05 * (g % 3))).ToImmutableArray();
            double decodeMs = gaps.Sum();
            double ttft = ttftMs * jitter;
            return new RequestMetrics(ttft, decodeMs / gaps.Length, ttft + decodeMs, ttft * 0.9, 16 / (ttft / 1000), gaps.Length / (decodeMs / 1000), gaps);
        }).ToImmutableArray();
        return new ModelResult
        {
            Model = new ModelDescriptor { Path = $"/models/{label}.gguf", Label = label, FileBytes = fileBytes, TensorBytes = fileBytes, ParameterCount = 1_000_000, BitsPerWeight = bitsPerWeight },
            LoadTimeMs = 12,
            Memory = new MemoryResult { BaselineResidentBytes = 50L << 20, ResidentAfterLoadBytes = (50L << 20) + fileBytes, PeakResidentBytes = (60L << 20) + fileBytes },
            Latency = LatencyResult.From(16, outputTokens, 1, samples),
        };
    }

    public static RunResult Run(params ModelResult[] models) => new()
    {
        ToolVersion = "1.0.0",
        StartedUtc = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero),
        Settings = new BenchmarkSettings { PromptTokens = 16, OutputTokens = 8, WarmupRequests = 1, MeasuredRequests = 4, Threads = 2 },
        Models = [.. models],
    };

    /// <summary>F32 at 400 MiB, Q8_0 at 106 MiB (2x faster), Q4_K_M at 60 MiB (3x faster).</summary>
    public static RunResult Ladder() => Run(
        Level("F32", 400L << 20, 32, 20, 30),
        Level("Q8_0", 106L << 20, 8.5, 12, 15),
        Level("Q4_K_M", 60L << 20, 4.9, 10, 10));
}
