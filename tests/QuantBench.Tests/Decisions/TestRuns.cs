using System.Collections.Immutable;
using QuantBench.Engines;
using QuantBench.Measurements;
using QuantBench.Results;
using QuantBench.Running;
using QuantBench.Settings;

namespace QuantBench.Tests.Decisions;

/// <summary>Hand-made runs with known figures, for decisions and exporters (no model, no engine).</summary>
internal static class TestRuns
{
    public const int PromptTokens = 128;
    public const int OutputTokens = 8;

    public static EngineInfo Engine(string build = "b10221") =>
        new("llama.cpp", "LLamaSharp 0.30.0", build, "avx2", "CPU : AVX = 1 | AVX2 = 1 |");

    public static RunResult Run(params ModelResult[] models) => new()
    {
        ToolVersion = "1.0.0",
        StartedUtc = new DateTimeOffset(2026, 11, 29, 7, 53, 18, TimeSpan.Zero),
        Settings = new BenchmarkSettings { PromptTokens = PromptTokens, OutputTokens = OutputTokens, Threads = 2, MeasuredRequests = 5 },
        Engine = Engine(),
        Models = [.. models],
    };

    /// <summary>A model whose requests all have the given TTFT and TPOT, each scaled by one factor of <paramref name="jitter"/> per request.</summary>
    public static ModelResult Model(string label, long fileBytes, double bitsPerWeight, double ttftMs, double tpotMs,
        long peakResidentBytes = 100_000_000, double[]? jitter = null, string? sha256 = null, string? path = null)
    {
        jitter ??= [1.00, 1.01, 0.99, 1.02, 0.98, 1.005, 0.995];
        var requests = jitter.Select(j => Request(ttftMs * j, tpotMs * j)).ToImmutableArray();
        return new ModelResult
        {
            Model = new ModelDescriptor
            {
                Path = path ?? $"/models/tiny-{label}.gguf",
                Label = label,
                Architecture = "llama",
                FileBytes = fileBytes,
                TensorBytes = fileBytes - 24_000,
                ParameterCount = 3_660_032,
                BitsPerWeight = bitsPerWeight,
                Sha256 = sha256,
            },
            Engine = Engine(),
            LoadTimeMs = 80,
            Memory = new MemoryResult { BaselineResidentBytes = 50_000_000, ResidentAfterLoadBytes = 60_000_000, PeakResidentBytes = peakResidentBytes },
            Latency = LatencyResult.From(PromptTokens, OutputTokens, 2, requests),
        };
    }

    public static RequestMetrics Request(double ttftMs, double tpotMs)
    {
        double prefillMs = ttftMs * 0.9;
        return new RequestMetrics(
            ttftMs, tpotMs, ttftMs + tpotMs * (OutputTokens - 1), prefillMs,
            PromptTokens * 1000.0 / prefillMs, 1000.0 / tpotMs,
            [.. Enumerable.Repeat(tpotMs, OutputTokens - 1)]);
    }
}
