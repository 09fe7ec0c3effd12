using System.Collections.Immutable;
using System.Text.Json.Serialization;
using QuantBench.Engines;
using QuantBench.Statistics;

namespace QuantBench.Settings;

/// <summary>The request shape and conditions of a latency measurement; recorded with every result.</summary>
public sealed record BenchmarkSettings
{
    /// <summary>P: prompt tokens per request (the first is BOS, the rest seeded random ids, as llama-bench does).</summary>
    public int PromptTokens { get; init; } = RequestDefaults.PromptTokens;

    /// <summary>N: tokens generated per request, forced (end-of-sequence ignored).</summary>
    public int OutputTokens { get; init; } = RequestDefaults.OutputTokens;

    /// <summary>Warm-up requests; null: warm up until the end-to-end latency stops trending (<see cref="Warmup"/>).</summary>
    public int? WarmupRequests { get; init; }

    /// <summary>Measured requests; null: adaptive, until <see cref="Stopping"/> says the estimate is precise enough.</summary>
    public int? MeasuredRequests { get; init; }

    /// <summary>The adaptive warm-up's rule and bounds, used when <see cref="WarmupRequests"/> is null.</summary>
    public WarmupDetector Warmup { get; init; } = new();

    /// <summary>The adaptive stopping rule, used when <see cref="MeasuredRequests"/> is null.</summary>
    public StoppingRule Stopping { get; init; } = new();

    public int Threads { get; init; } = Math.Max(1, Environment.ProcessorCount);

    /// <summary>Context size; 0 means just enough for one request (P + N), rounded up to 256.</summary>
    public int ContextSize { get; init; }

    public int BatchSize { get; init; } = 2048;

    public int MicroBatchSize { get; init; } = 512;

    public LoadMode LoadMode { get; init; } = LoadMode.Mmap;

    /// <summary>Flash attention for the latency and throughput tests: null = llama.cpp's auto (its default), or forced on/off.</summary>
    public bool? FlashAttention { get; init; }

    public int Seed { get; init; } = RequestDefaults.Seed;

    /// <summary>Which measurements run, in this order for each model.</summary>
    public ImmutableArray<Scenario> Scenarios { get; init; } = [Scenario.Latency, Scenario.Quality, Scenario.Throughput];

    public QualitySettings Quality { get; init; } = new();

    /// <summary>The throughput scenario's own settings; its request shape and seed are this run's (see <see cref="ThroughputOptions"/>).</summary>
    public Throughput.ThroughputSettings Throughput { get; init; } = new();

    /// <summary><see cref="Throughput"/> with the run's request shape and seed, so every scenario measures the same requests (not written: derived).</summary>
    [JsonIgnore]
    public Throughput.ThroughputSettings ThroughputOptions => Throughput with { PromptTokens = PromptTokens, OutputTokens = OutputTokens, Seed = Seed };

    /// <summary>The task-accuracy scenario's files and context shape.</summary>
    public Tasks.TaskSettings Tasks { get; init; } = new();

    /// <summary>Measure latency in alternating rounds across models (A B C A B C ...), pairing ratios by round.</summary>
    public bool Interleave { get; init; }

    /// <summary>Rounds of an interleaved run; each round runs the warm-up and measured requests of every model once.</summary>
    public int InterleaveRounds { get; init; } = 5;

    /// <summary>CPUs the worker may run on, as a hexadecimal mask like llama-bench's (<c>0x3</c> = CPUs 0 and 1); null: any.</summary>
    public string? CpuMask { get; init; }

    /// <summary>Measure a model even when its estimated memory exceeds the memory available.</summary>
    public bool Force { get; init; }

    /// <summary>Longest time one model may take in its worker before it is killed and reported as hung.</summary>
    public TimeSpan ModelTimeout { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>The context size used: <see cref="ContextSize"/>, or P + N rounded up to 256 (not written: derived).</summary>
    [JsonIgnore]
    public int EffectiveContextSize => ContextSize > 0 ? ContextSize : (PromptTokens + OutputTokens + 255) / 256 * 256;

    public ModelLoadOptions LoadOptionsFor(string modelPath) => new()
    {
        ModelPath = modelPath,
        Threads = Threads,
        ContextSize = EffectiveContextSize,
        BatchSize = BatchSize,
        MicroBatchSize = MicroBatchSize,
        LoadMode = LoadMode,
        FlashAttention = FlashAttention,
    };

    /// <summary>Parses a hexadecimal CPU mask (with or without 0x) into an affinity bit set.</summary>
    public static bool TryParseCpuMask(string text, out long mask)
    {
        string digits = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? text[2..] : text;
        return long.TryParse(digits, System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture, out mask) && mask > 0;
    }

    /// <summary>Every problem with the settings, one line each; empty when they are valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (PromptTokens < 1) problems.Add($"prompt tokens must be at least 1 (got {PromptTokens})");
        if (OutputTokens < 2) problems.Add($"generated tokens must be at least 2 so that TPOT is defined (got {OutputTokens})");
        if (WarmupRequests < 0) problems.Add($"warm-up requests cannot be negative (got {WarmupRequests})");
        if (MeasuredRequests < 1) problems.Add($"measured requests must be at least 1 (got {MeasuredRequests})");
        problems.AddRange(Stopping.Validate());
        if (Scenarios.IsDefaultOrEmpty) problems.Add("no scenario to run");
        if (Scenarios.Contains(Scenario.Quality))
        {
            problems.AddRange(Quality.Options.Validate());
            if (Quality.TextPath is { } text && !File.Exists(text)) problems.Add($"--text: no such file {text}");
            if (Quality.BaselinePath is { } baseline && !File.Exists(baseline)) problems.Add($"--baseline: no such file {baseline}");
        }

        if (Scenarios.Contains(Scenario.Throughput))
        {
            problems.AddRange(ThroughputOptions.Validate());
        }
        if (Scenarios.Contains(Scenario.Tasks))
        {
            problems.AddRange(Tasks.Validate());
        }

        if (Threads < 1) problems.Add($"threads must be at least 1 (got {Threads})");
        if (ContextSize < 0) problems.Add($"context size cannot be negative (got {ContextSize})");
        if (ContextSize > 0 && ContextSize < PromptTokens + OutputTokens)
            problems.Add($"context size {ContextSize} is smaller than prompt + generated tokens ({PromptTokens + OutputTokens})");
        if (CpuMask is not null && !TryParseCpuMask(CpuMask, out _)) problems.Add($"CPU mask '{CpuMask}' is not a hexadecimal mask such as 0x3");
        if (Interleave && InterleaveRounds < 2) problems.Add($"an interleaved run needs at least 2 rounds (got {InterleaveRounds})");
        if (Seed < 0) problems.Add($"seed cannot be negative (got {Seed})");
        if (BatchSize < 1) problems.Add($"batch size must be at least 1 (got {BatchSize})");
        if (MicroBatchSize < 1 || MicroBatchSize > BatchSize) problems.Add($"micro-batch size must be between 1 and the batch size (got {MicroBatchSize})");
        if (BatchSize < PromptTokens) problems.Add($"batch size {BatchSize} must hold the whole prompt ({PromptTokens} tokens)");
        return problems.Distinct().ToArray();
    }
}
