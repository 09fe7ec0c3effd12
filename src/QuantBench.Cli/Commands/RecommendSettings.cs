using System.ComponentModel;
using System.Globalization;
using QuantBench.Decisions;
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

    public override ValidationResult Validate()
    {
        var problems = new List<string>();
        TrySize(MaxMemory, "--max-memory", problems);
        TrySize(MaxSize, "--max-size", problems);
        CheckPositive(MaxKld, "--max-kld", problems, allowZero: true);
        CheckPositive(MaxTtftMs, "--max-ttft-ms", problems, allowZero: false);
        CheckPositive(MinDecodeTps, "--min-decode-tps", problems, allowZero: false);
        return problems.Count == 0 ? ValidationResult.Success() : ValidationResult.Error(string.Join("; ", problems));
    }

    public RecommendationConstraints ToConstraints() => new()
    {
        MaxMemoryBytes = MaxMemory is null ? null : ByteSize.Parse(MaxMemory),
        MaxSizeBytes = MaxSize is null ? null : ByteSize.Parse(MaxSize),
        MaxKld = MaxKld,
        MaxTtftMs = MaxTtftMs,
        MinDecodeTokensPerSecond = MinDecodeTps,
    };

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
