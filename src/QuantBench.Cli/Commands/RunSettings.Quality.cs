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

/// <summary>Options of <c>quantbench run</c>: quality (perplexity, KLD) and the baseline.</summary>
internal sealed partial class RunSettings
{
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

    private QualitySettings ToQualitySettings() =>
        new() { TextPath = Text, BaselinePath = Baseline, ContextTokens = QualityContext, QualityTokens = QualityTokens };
}
