using System.Globalization;
using QuantBench.Results;
using QuantBench.Settings;

namespace QuantBench.Reports;

/// <summary>The conditions of a run as name/value pairs, the same in every report.</summary>
public static class RunConditions
{
    public static IReadOnlyList<(string Name, string Value)> Describe(RunResult run)
    {
        var s = run.Settings;
        var list = new List<(string, string)>
        {
            ("request", $"pp{s.PromptTokens} + tg{s.OutputTokens}: a prompt of {s.PromptTokens} tokens, {s.OutputTokens} generated (greedy, forced length, KV cache cleared)"),
            ("warm-up", s.WarmupRequests is { } w ? $"{w} requests" : $"adaptive: until ms/request stops trending ({s.Warmup.MinWarmups} to {s.Warmup.MaxWarmups} requests)"),
            ("measurement", s.MeasuredRequests is { } r
                ? $"{r} requests"
                : string.Create(CultureInfo.InvariantCulture, $"adaptive: until the {s.Stopping.ConfidenceLevel:P0} confidence interval of ms/request is within ±{s.Stopping.TargetRelativeHalfWidth:P0} of its median ({s.Stopping.MinRuns} to {s.Stopping.MaxRuns} runs, at most {s.Stopping.MaxDuration.TotalSeconds:0} s)")),
            ("threads", s.Threads.ToString(CultureInfo.InvariantCulture)),
            ("context / batch / micro-batch", $"{s.EffectiveContextSize} / {s.BatchSize} / {s.MicroBatchSize}"),
            ("load mode", s.LoadMode.ToString().ToLowerInvariant()),
            ("flash attention", s.FlashAttention switch { true => "on", false => "off", null => "auto (llama.cpp's default)" }),
            ("scenarios", string.Join(", ", s.Scenarios).ToLowerInvariant()),
            ("isolation", "one worker process per model" + (s.CpuMask is { } mask ? $", pinned to CPU mask {mask}" : "")),
        };
        if (s.Interleave)
        {
            list.Add(("interleaved", $"{s.InterleaveRounds} rounds, models alternating; ratios to the baseline paired by round"));
        }

        if (s.Scenarios.Contains(Settings.Scenario.Quality))
        {
            var q = s.Quality.Options;
            list.Add(("quality", $"{(s.Quality.TextPath is { } text ? Path.GetFileName(text) : "token sequences sampled from the baseline (temperature 1)")}, n_ctx {q.ContextTokens}, up to {q.QualityTokens} tokens per model"));
        }

        if (s.Scenarios.Contains(Settings.Scenario.Throughput))
        {
            var t = s.ThroughputOptions;
            list.Add(("throughput", $"batch sizes {string.Join(",", t.BatchSizes)}; mixed load {t.MixedLoadRequests} requests, {(t.ArrivalRatePerSecond > 0 ? string.Create(CultureInfo.InvariantCulture, $"{t.ArrivalRatePerSecond:0.##} req/s") : "70% of each model's capacity")}, at most {t.MaxConcurrency} at once; depths {string.Join(",", t.ContextDepths)}"));
        }

        if (run.Engine is { } e)
        {
            list.Add(("engine", $"{e.Name} {e.NativeBuild} ({e.LibraryVersion}), CPU variant {e.NativeVariant}"));
            if (e.LibraryPath is { } library)
            {
                list.Add(("llama.cpp library", $"{library} (sha256 {e.LibrarySha256?[..Math.Min(16, e.LibrarySha256.Length)] ?? "unknown"}), chosen with --llama-lib"));
            }
        }

        if (run.Machine is { } m)
        {
            list.Add(("CPU", $"{m.CpuModel}, {m.LogicalCores} logical cores{(m.HasAvx512F ? ", AVX-512" : m.HasAvx2 ? ", AVX2" : "")}, governor {m.CpuGovernor}"));
            list.Add(("memory", $"{(m.TotalMemoryBytes is { } total ? Units.Bytes(total) : "unknown")} total, {(m.AvailableMemoryBytes is { } free ? Units.Bytes(free) : "unknown")} available at start"));
            list.Add(("OS", $"{m.OsDescription}, kernel {m.KernelVersion}, {m.DotNetVersion}"));
            if (m.LoadAverage is { } load)
            {
                list.Add(("load average at start", string.Create(CultureInfo.InvariantCulture, $"{load.OneMinute:0.00} (1 min)")));
            }
        }

        if (run.MemoryBandwidth is { } bw)
        {
            list.Add(("memory bandwidth", BandwidthText.Describe(bw)));
        }

        list.Add(("started", run.StartedUtc.ToString("u", CultureInfo.InvariantCulture)));
        return list;
    }
}
