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

/// <summary>Options of <c>quantbench run</c>: the latency test's request shape and its adaptive warm-up and stopping rule, --interleave.</summary>
internal sealed partial class RunSettings
{
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

    [CommandOption("--interleave")]
    [Description("Measure latency in alternating rounds across models (A B C A B C ...); ratios to the baseline are paired by round.")]
    public bool Interleave { get; init; }

    [CommandOption("--rounds <N>")]
    [Description("Rounds of an interleaved run (each: --warmup, default 1, and --runs, default 3, requests per model).")]
    [DefaultValue(5)]
    public int Rounds { get; init; } = 5;

    private StoppingRule ToStoppingRule() => new()
    {
        MinRuns = MinRuns,
        MaxRuns = MaxRuns,
        MaxDuration = TimeSpan.FromSeconds(MaxTimeSeconds is { } max ? (double.IsFinite(max) && max > 0 ? max : 0) : EmbeddedDefault ? 10 : 60),
        TargetRelativeHalfWidth = TargetCiPercent / 100.0,
    };
}
