using System.ComponentModel;
using System.Collections.Immutable;
using QuantBench.Engines;
using QuantBench.Models;
using QuantBench.Running;
using QuantBench.Settings;
using QuantBench.Statistics;
using QuantBench.Tasks;
using Spectre.Console;
using Spectre.Console.Cli;

namespace QuantBench.Cli.Commands;

/// <summary>Options of <c>quantbench run</c>; defaults are those of the foundation issue and docs/metrics.md.</summary>
internal sealed class RunSettings : CommandSettings
{
    [CommandArgument(0, "[models]")]
    [Description("GGUF files to measure. None: the embedded default (a synthetic model and its quantization ladder).")]
    public string[] Models { get; init; } = [];

    [CommandOption("-p|--prompt-tokens <N>")]
    [Description("Prompt tokens per request (P).")]
    [DefaultValue(RequestDefaults.PromptTokens)]
    public int PromptTokens { get; init; } = RequestDefaults.PromptTokens;

    [CommandOption("-n|--gen-tokens <N>")]
    [Description("Generated tokens per request (N), forced.")]
    [DefaultValue(RequestDefaults.OutputTokens)]
    public int GenTokens { get; init; } = RequestDefaults.OutputTokens;

    [CommandOption("-w|--warmup <N>")]
    [Description("Warm-up requests before measuring (default: adaptive, until the latency stops trending, 1 to 10).")]
    public int? Warmup { get; init; }

    [CommandOption("-r|--runs <N>")]
    [Description("Measured requests per model (default: adaptive, see --min-runs, --max-runs, --max-time, --target-ci).")]
    public int? Runs { get; init; }

    [CommandOption("--min-runs <N>")]
    [Description("Fewest measured requests per model when adaptive, before the stopping rule may stop.")]
    [DefaultValue(5)]
    public int MinRuns { get; init; } = 5;

    [CommandOption("--max-runs <N>")]
    [Description("Most measured requests per model when adaptive, if the precision target is not met first.")]
    [DefaultValue(100)]
    public int MaxRuns { get; init; } = 100;

    [CommandOption("--max-time <SECONDS>")]
    [Description("Longest measurement per model when adaptive (default 60; 10 for the embedded default).")]
    public double? MaxTimeSeconds { get; init; }

    [CommandOption("--target-ci <PERCENT>")]
    [Description("Stop when the 99% confidence interval of ms/request is within this share of its median.")]
    [DefaultValue(2.0)]
    public double TargetCiPercent { get; init; } = 2;

    [CommandOption("-t|--threads <N>")]
    [Description("CPU threads for llama.cpp (default: all logical cores).")]
    public int? Threads { get; init; }

    [CommandOption("-c|--ctx-size <N>")]
    [Description("Context size (default: just enough for one request, rounded up to 256).")]
    public int ContextSize { get; init; }

    [CommandOption("-b|--batch-size <N>")]
    [Description("llama.cpp's logical batch size n_batch: most tokens passed to one decode call (must hold the whole prompt). Not the throughput sweep's sizes: see --sweep-batch-sizes.")]
    [DefaultValue(2048)]
    public int BatchSize { get; init; } = 2048;

    [CommandOption("--ubatch-size <N>")]
    [Description("llama.cpp's physical micro-batch size n_ubatch: most tokens computed at once inside a decode call.")]
    [DefaultValue(512)]
    public int MicroBatchSize { get; init; } = 512;

    [CommandOption("--load-mode <MODE>")]
    [Description("mmap, no-mmap or mlock.")]
    [DefaultValue("mmap")]
    public string LoadMode { get; init; } = "mmap";

    [CommandOption("--flash-attn <MODE>")]
    [Description("Flash attention: auto (llama.cpp's default), on or off.")]
    [DefaultValue("auto")]
    public string FlashAttention { get; init; } = "auto";

    [CommandOption("--seed <N>")]
    [Description("Seed of prompts and of the synthetic model.")]
    [DefaultValue(RequestDefaults.Seed)]
    public int Seed { get; init; } = RequestDefaults.Seed;

    [CommandOption("--preset <NAME>")]
    [Description("Synthetic model preset of the embedded default: tiny, small, medium, large.")]
    [DefaultValue("small")]
    public string Preset { get; init; } = "small";

    [CommandOption("--types <LIST>")]
    [Description("Quantization ladder of the embedded default, comma-separated.")]
    [DefaultValue(EmbeddedLadder.DefaultTypes)]
    public string Types { get; init; } = EmbeddedLadder.DefaultTypes;

    [CommandOption("-o|--output <DIR>")]
    [Description("Output folder (default: ./quantbench-results/<timestamp>).")]
    public string? Output { get; init; }

    [CommandOption("--model-timeout <SECONDS>")]
    [Description("Kill a model's worker after this many seconds.")]
    [DefaultValue(1800)]
    public int ModelTimeoutSeconds { get; init; } = 1800;

    [CommandOption("--scenarios <LIST>")]
    [Description("Measurements to run, comma-separated: latency, quality, throughput, tasks.")]
    [DefaultValue("latency,quality,throughput")]
    public string Scenarios { get; init; } = "latency,quality,throughput";

    [CommandOption("--text <FILE>")]
    [Description("Text to score for quality (perplexity, KLD). Default: token sequences sampled from the baseline model.")]
    public string? Text { get; init; }

    [CommandOption("--baseline <FILE>")]
    [Description("The model every ratio is against: quality (KLD, PPL ratio), speed-up, size, task accuracy (default: the one with the most bits per weight).")]
    public string? Baseline { get; init; }

    [CommandOption("--quality-ctx <N>")]
    [Description("n_ctx of each scored chunk (default: 512 on a text, 128 on sampled tokens).")]
    public int? QualityContext { get; init; }

    [CommandOption("--quality-tokens <N>")]
    [Description("Most tokens evaluated per model for quality (default: 8192 on a text, 1024 sampled).")]
    public long? QualityTokens { get; init; }

    [CommandOption("--tasks <LIST>")]
    [Description("Task files to score, as llama-perplexity does: hellaswag:FILE,winogrande:FILE,mc:FILE (adds the tasks scenario)")]
    public string? Tasks { get; init; }

    [CommandOption("--task-count <N>")]
    [Description("Tasks per file (default: llama-perplexity's, 400 for HellaSwag, all for Winogrande and multiple choice)")]
    public int? TaskCount { get; init; }

    [CommandOption("--task-ctx <N>")]
    [Description("Context per task sequence, llama-perplexity's -c (default 512)")]
    [DefaultValue(512)]
    public int TaskContext { get; init; } = 512;

    [CommandOption("--task-parallel <N>")]
    [Description("Sequences per batch of tasks, llama-perplexity's -np (at least 4, its default)")]
    [DefaultValue(4)]
    public int TaskParallel { get; init; } = 4;

    [CommandOption("--sweep-batch-sizes|--batch-sizes <LIST>")]
    [Description("Throughput: concurrent sequences at each step of the batch-size sweep, comma-separated (default 1,2,4,8,16,32; 1,4,16 for the embedded default). --batch-sizes is the old name.")]
    public string? BatchSizes { get; init; }

    [CommandOption("--depths <LIST>")]
    [Description("Throughput: context depths for the decode rate, llama-bench's tg @ dN (default 0,512,2048; 0,512 for the embedded default).")]
    public string? Depths { get; init; }

    [CommandOption("--arrival-rate <PER_SECOND>")]
    [Description("Throughput: Poisson arrival rate of the mixed load (default: 70% of the model's own capacity).")]
    public double? ArrivalRate { get; init; }

    [CommandOption("--mixed-requests <N>")]
    [Description("Throughput: requests in the mixed load (default 16; 8 for the embedded default).")]
    public int? MixedRequests { get; init; }

    [CommandOption("--interleave")]
    [Description("Measure latency in alternating rounds across models (A B C A B C ...); ratios to the baseline are paired by round.")]
    public bool Interleave { get; init; }

    [CommandOption("--rounds <N>")]
    [Description("Rounds of an interleaved run (each: --warmup, default 1, and --runs, default 3, requests per model).")]
    [DefaultValue(5)]
    public int Rounds { get; init; } = 5;

    [CommandOption("--cpu-mask <HEX>")]
    [Description("Pin each worker to these CPUs, as a hexadecimal mask (0x3 = CPUs 0 and 1).")]
    public string? CpuMask { get; init; }

    [CommandOption("--force")]
    [Description("Measure a model even when its estimated memory exceeds the memory available.")]
    public bool Force { get; init; }

    [CommandOption("--resume <DIR>")]
    [Description("Finish an interrupted run in DIR without repeating finished models.")]
    public string? Resume { get; init; }

    [CommandOption("--no-bandwidth")]
    [Description("Skip the memory-bandwidth measurement (and so the decode roofline).")]
    public bool NoBandwidth { get; init; }

    [CommandOption("--llama-lib <PATH>")]
    [Description("A llama.cpp build to measure with instead of the bundled one: its libllama.so, or the folder holding it (built from llama.cpp b10221 or another release with LLamaSharp 0.30.0's interface)")]
    public string? LlamaLibrary { get; init; }

    [CommandOption("--cache <DIR>")]
    [Description("Where generated models are cached (default: ~/.cache/quantbench/models).")]
    public string? Cache { get; init; }

    /// <summary>
    /// No model and no resume: the embedded default, whose budget is lighter (10 s of latency per model, a
    /// shorter throughput sweep) so that its nine models take a few minutes; the report states the budget.
    /// </summary>
    public bool EmbeddedDefault => Models.Length == 0 && Resume is null;

    public override ValidationResult Validate()
    {
        var problems = new List<string>(ToBenchmarkSettings().Validate());
        if (!TryParseLoadMode(LoadMode, out _)) problems.Add($"unknown load mode '{LoadMode}' (use mmap, no-mmap or mlock)");
        if (ModelTimeoutSeconds < 1) problems.Add($"model timeout must be at least 1 s (got {ModelTimeoutSeconds})");
        if (FlashAttention.Trim().ToLowerInvariant() is not ("auto" or "on" or "off" or "true" or "false" or "1" or "0"))
            problems.Add($"unknown flash attention mode '{FlashAttention}' (use auto, on or off)");
        ParseScenarios(Scenarios, out string? scenarioProblem);
        TaskFileSpec.ParseList(Tasks, problems);
        if (scenarioProblem is not null) problems.Add(scenarioProblem);
        if (Resume is not null && Models.Length > 0) problems.Add("--resume continues an earlier run's own models; give no models with it");
        if (Resume is not null && !Directory.Exists(Resume)) problems.Add($"--resume: no folder {Resume}");
        if (LlamaLibrary is not null && !File.Exists(LlamaLibrary) && !File.Exists(Path.Combine(LlamaLibrary, "libllama.so")))
            problems.Add($"--llama-lib: no libllama.so at {LlamaLibrary}");
        if (Models.Length == 0 && Resume is null)
        {
            try
            {
                QuantizationTypes.ParseList(Types);
            }
            catch (FormatException e)
            {
                problems.Add(e.Message);
            }
        }

        return problems.Count == 0 ? ValidationResult.Success() : ValidationResult.Error(string.Join("; ", problems));
    }

    public BenchmarkSettings ToBenchmarkSettings() => new()
    {
        PromptTokens = PromptTokens,
        OutputTokens = GenTokens,
        WarmupRequests = Warmup,
        MeasuredRequests = Runs,
        Stopping = new StoppingRule
        {
            MinRuns = MinRuns,
            MaxRuns = MaxRuns,
            MaxDuration = TimeSpan.FromSeconds(MaxTimeSeconds is { } max ? (double.IsFinite(max) && max > 0 ? max : 0) : EmbeddedDefault ? 10 : 60),
            TargetRelativeHalfWidth = TargetCiPercent / 100.0,
        },
        Threads = Threads ?? Math.Max(1, Environment.ProcessorCount),
        ContextSize = ContextSize,
        BatchSize = BatchSize,
        MicroBatchSize = MicroBatchSize,
        LoadMode = TryParseLoadMode(LoadMode, out var mode) ? mode : Engines.LoadMode.Mmap,
        Seed = Seed,
        CpuMask = CpuMask,
        FlashAttention = FlashAttention.Trim().ToLowerInvariant() switch { "on" or "true" or "1" => true, "off" or "false" or "0" => false, _ => null },
        Interleave = Interleave,
        InterleaveRounds = Rounds,
        Scenarios = WithTasks(ParseScenarios(Scenarios, out _)),
        Tasks = new TaskSettings
        {
            Files = [.. TaskFileSpec.ParseList(Tasks, [])],
            TaskCount = TaskCount,
            ContextPerSequence = TaskContext,
            Parallel = TaskParallel,
        },
        Throughput = new Throughput.ThroughputSettings
        {
            BatchSizes = ParseIntegers(BatchSizes ?? (EmbeddedDefault ? "1,4,16" : "1,2,4,8,16,32")),
            ContextDepths = ParseIntegers(Depths ?? (EmbeddedDefault ? "0,512" : "0,512,2048")),
            ArrivalRatePerSecond = ArrivalRate ?? 0,
            MixedLoadRequests = MixedRequests ?? (EmbeddedDefault ? 8 : 16),
        },
        Quality = new QualitySettings { TextPath = Text, BaselinePath = Baseline, ContextTokens = QualityContext, QualityTokens = QualityTokens },
        Force = Force,
        ModelTimeout = TimeSpan.FromSeconds(Math.Max(1, ModelTimeoutSeconds)),
    };

    private static ImmutableArray<int> ParseIntegers(string text) =>
        text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => int.TryParse(part, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out int value) ? value : -1)
            .ToImmutableArray();

    /// <summary>--tasks adds the tasks scenario to those asked for.</summary>
    private ImmutableArray<Scenario> WithTasks(ImmutableArray<Scenario> scenarios) =>
        string.IsNullOrWhiteSpace(Tasks) || scenarios.Contains(Scenario.Tasks) ? scenarios : scenarios.Add(Scenario.Tasks);

    private static ImmutableArray<Scenario> ParseScenarios(string text, out string? problem)
    {
        var scenarios = ImmutableArray.CreateBuilder<Scenario>();
        var unknown = new List<string>();
        foreach (string part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (Enum.TryParse<Scenario>(part, ignoreCase: true, out var scenario) && Enum.IsDefined(scenario))
            {
                if (!scenarios.Contains(scenario)) scenarios.Add(scenario);
            }
            else
            {
                unknown.Add(part);
            }
        }

        problem = unknown.Count > 0 ? $"unknown scenario {string.Join(", ", unknown.Select(u => $"'{u}'"))} (use latency, quality, throughput, tasks)"
            : scenarios.Count == 0 ? "no scenario given (use latency, quality, throughput, tasks)" : null;
        return scenarios.ToImmutable();
    }

    private static bool TryParseLoadMode(string text, out LoadMode mode)
    {
        mode = text.Trim().ToLowerInvariant() switch
        {
            "mmap" => Engines.LoadMode.Mmap,
            "no-mmap" or "nommap" => Engines.LoadMode.NoMmap,
            "mlock" => Engines.LoadMode.Mlock,
            _ => (LoadMode)(-1),
        };
        return Enum.IsDefined(mode);
    }
}
