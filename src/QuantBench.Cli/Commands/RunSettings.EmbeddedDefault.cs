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

/// <summary>Options of <c>quantbench run</c>: the embedded default (a synthetic model and its quantization ladder).</summary>
internal sealed partial class RunSettings
{
    [CommandOption("--preset <NAME>")]
    [Description("Synthetic model preset of the embedded default: tiny, small, medium, large.")]
    [DefaultValue("small")]
    public string Preset { get; init; } = "small";

    [CommandOption("--types <LIST>")]
    [Description("Quantization ladder of the embedded default, comma-separated.")]
    [DefaultValue(EmbeddedLadder.DefaultTypes)]
    public string Types { get; init; } = EmbeddedLadder.DefaultTypes;

    [CommandOption("--cache <DIR>")]
    [Description("Where generated models are cached (default: ~/.cache/quantbench/models).")]
    public string? Cache { get; init; }
}
