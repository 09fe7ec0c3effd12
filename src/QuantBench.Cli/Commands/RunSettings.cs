using System.ComponentModel;
using QuantBench.Cli.Commands.Converters;
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
internal sealed partial class RunSettings : CommandSettings
{
    [CommandArgument(0, "[models]")]
    [Description("GGUF files to measure. None: the embedded default (a synthetic model and its quantization ladder).")]
    public string[] Models { get; init; } = [];

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
    [TypeConverter(typeof(LoadModeConverter))]
    public LoadMode LoadMode { get; init; } = LoadMode.Mmap;

    [CommandOption("--flash-attn <MODE>")]
    [Description("Flash attention: auto (llama.cpp's default), on or off.")]
    [DefaultValue("auto")]
    [TypeConverter(typeof(FlashAttentionConverter))]
    public FlashAttentionMode FlashAttention { get; init; } = FlashAttentionMode.Auto;

    [CommandOption("--seed <N>")]
    [Description("Seed of prompts and of the synthetic model.")]
    [DefaultValue(RequestDefaults.Seed)]
    public int Seed { get; init; } = RequestDefaults.Seed;

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
    [TypeConverter(typeof(ScenarioListConverter))]
    public ImmutableArray<Scenario> Scenarios { get; init; } = [Scenario.Latency, Scenario.Quality, Scenario.Throughput];

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

    /// <summary>
    /// No model and no resume: the embedded default, whose budget is lighter (10 s of latency per model, a
    /// shorter throughput sweep) so that its nine models take a few minutes; the report states the budget.
    /// </summary>
    public bool EmbeddedDefault => Models.Length == 0 && Resume is null;

    public override ValidationResult Validate()
    {
        var problems = new List<string>(ToBenchmarkSettings().Validate());
        if (ModelTimeoutSeconds < 1) problems.Add($"model timeout must be at least 1 s (got {ModelTimeoutSeconds})");
        TaskFileSpec.ParseList(Tasks, problems);
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
        Stopping = ToStoppingRule(),
        Threads = Threads ?? Math.Max(1, Environment.ProcessorCount),
        ContextSize = ContextSize,
        BatchSize = BatchSize,
        MicroBatchSize = MicroBatchSize,
        LoadMode = LoadMode,
        Seed = Seed,
        CpuMask = CpuMask,
        FlashAttention = FlashAttention switch { FlashAttentionMode.On => true, FlashAttentionMode.Off => false, _ => null },
        Interleave = Interleave,
        InterleaveRounds = Rounds,
        Scenarios = WithTasks(Scenarios),
        Tasks = ToTaskSettings(),
        Throughput = ToThroughputSettings(),
        Quality = ToQualitySettings(),
        Force = Force,
        ModelTimeout = TimeSpan.FromSeconds(Math.Max(1, ModelTimeoutSeconds)),
    };
}
