using System.ComponentModel;
using System.Globalization;
using QuantBench.Decisions;
using QuantBench.Serving;
using Spectre.Console;
using Spectre.Console.Cli;

namespace QuantBench.Cli.Commands;

/// <summary>Options of <c>quantbench recommend</c>: the results to read and the limits a level must meet.</summary>
internal sealed class RecommendSettings : CommandSettings
{
    [CommandArgument(0, "<results>")]
    [Description("A results folder or its results.json.")]
    public string Results { get; init; } = "";

    [CommandOption("--max-memory <SIZE>")]
    [Description("Largest peak resident memory, e.g. 8GiB, 512MiB, 4GB or bytes.")]
    public string? MaxMemory { get; init; }

    [CommandOption("--max-size <SIZE>")]
    [Description("Largest file size on disk, e.g. 4GiB.")]
    public string? MaxSize { get; init; }

    [CommandOption("--max-kld <KLD>")]
    [Description("Largest mean KL divergence against the baseline (ignored, with a warning, when the results have no quality figures).")]
    public double? MaxKld { get; init; }

    [CommandOption("--max-ttft-ms <MS>")]
    [Description("Largest median time to first token, in ms.")]
    public double? MaxTtftMs { get; init; }

    [CommandOption("--min-decode-tps <TPS>")]
    [Description("Smallest median decode rate, in tokens per second.")]
    public double? MinDecodeTps { get; init; }

    [CommandOption("--slo <LIST>")]
    [Description("Served results: the objectives a request must meet to count as good, e.g. ttft=200ms,tpot=50ms (default: the objective the sweep used).")]
    public string? Slo { get; init; }

    [CommandOption("--at-rate <REQ/S>")]
    [Description("Served results: the requests per second meeting --slo that a level must reach at some load point (its best goodput).")]
    public double? AtRate { get; init; }

    [CommandOption("--max-vram <SIZE>")]
    [Description("Served results: largest peak GPU memory of the server, e.g. 24GiB.")]
    public string? MaxVram { get; init; }

    /// <summary>Whether an option that only served results answer was given.</summary>
    public bool AsksServing => Slo is not null || AtRate is not null || MaxVram is not null;

    [CommandOption("--min-accuracy <TASK=VALUE>")]
    [Description("Smallest task accuracy (correct / scored tasks) on the task files TASK names (hellaswag, winogrande, mc or a file name), e.g. hellaswag=0.30 or hellaswag=30%. Repeatable, or comma-separated.")]
    public string[] MinAccuracy { get; init; } = [];

    [CommandOption("--max-accuracy-drop <TASK=VALUE>")]
    [Description("Largest accuracy drop against the baseline (the run's baseline among the models that scored the tasks, as in report.md), paired on the same tasks: (lost - gained) / tasks, e.g. winogrande=0.02 or winogrande=2%. Repeatable, or comma-separated.")]
    public string[] MaxAccuracyDrop { get; init; } = [];

    public override ValidationResult Validate()
    {
        var problems = new List<string>();
        TrySize(MaxMemory, "--max-memory", problems);
        TrySize(MaxSize, "--max-size", problems);
        CheckPositive(MaxKld, "--max-kld", problems, allowZero: true);
        CheckPositive(MaxTtftMs, "--max-ttft-ms", problems, allowZero: false);
        CheckPositive(MinDecodeTps, "--min-decode-tps", problems, allowZero: false);
        CheckPositive(AtRate, "--at-rate", problems, allowZero: false);
        TrySize(MaxVram, "--max-vram", problems);
        if (Slo is not null)
        {
            try
            {
                ServiceLevelObjective.Parse(Slo);
            }
            catch (FormatException e)
            {
                problems.Add($"--slo: {e.Message}");
            }
        }

        TryLimits(MinAccuracy, "--min-accuracy", problems);
        TryLimits(MaxAccuracyDrop, "--max-accuracy-drop", problems);
        return problems.Count == 0 ? ValidationResult.Success() : ValidationResult.Error(string.Join("; ", problems));
    }

    public RecommendationConstraints ToConstraints() => new()
    {
        MaxMemoryBytes = MaxMemory is null ? null : ByteSize.Parse(MaxMemory),
        MaxSizeBytes = MaxSize is null ? null : ByteSize.Parse(MaxSize),
        MaxKld = MaxKld,
        MaxTtftMs = MaxTtftMs,
        MinDecodeTokensPerSecond = MinDecodeTps,
        MinAccuracy = [.. Limits(MinAccuracy).Select(TaskLimit.Parse)],
        MaxAccuracyDrop = [.. Limits(MaxAccuracyDrop).Select(TaskLimit.Parse)],
    };

    /// <summary>The limits for served results; the objective is --slo, else the one the sweep used.</summary>
    public ServingConstraints ToServingConstraints(ServiceLevelObjective sweepObjective) => new()
    {
        Objective = Slo is null ? sweepObjective : ServiceLevelObjective.Parse(Slo),
        AtRequestsPerSecond = AtRate,
        MaxMemoryBytes = MaxMemory is null ? null : ByteSize.Parse(MaxMemory),
        MaxGpuBytes = MaxVram is null ? null : ByteSize.Parse(MaxVram),
        MaxSizeBytes = MaxSize is null ? null : ByteSize.Parse(MaxSize),
        MaxTtftMs = MaxTtftMs,
        MinDecodeTokensPerSecond = MinDecodeTps,
    };

    private static IEnumerable<string> Limits(string[]? options) =>
        (options ?? []).SelectMany(o => o.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static void TryLimits(string[]? options, string option, List<string> problems)
    {
        foreach (string text in Limits(options))
        {
            try
            {
                TaskLimit.Parse(text);
            }
            catch (FormatException e)
            {
                problems.Add($"{option}: {e.Message}");
            }
        }
    }

    private static void TrySize(string? text, string option, List<string> problems)
    {
        if (text is null)
        {
            return;
        }

        try
        {
            ByteSize.Parse(text);
        }
        catch (FormatException e)
        {
            problems.Add($"{option}: {e.Message}");
        }
    }

    private static void CheckPositive(double? value, string option, List<string> problems, bool allowZero)
    {
        if (value is { } v && !(double.IsFinite(v) && (v > 0 || (allowZero && v == 0))))
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"{option} must be {(allowZero ? "zero or more" : "more than zero")} (got {v})"));
        }
    }
}
