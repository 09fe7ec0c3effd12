using System.ComponentModel;
using Spectre.Console.Cli;

namespace QuantBench.Cli.Commands;

/// <summary>Options of <c>quantbench compare</c>: two runs and where to write compare.md and compare.html.</summary>
internal sealed class CompareSettings : CommandSettings
{
    [CommandArgument(0, "<old>")]
    [Description("The old run: a results folder or its results.json.")]
    public string Old { get; init; } = "";

    [CommandArgument(1, "<new>")]
    [Description("The new run: a results folder or its results.json.")]
    public string New { get; init; } = "";

    [CommandOption("-o|--output <DIR>")]
    [Description("Where to write compare.md and compare.html (default: the current folder).")]
    public string? Output { get; init; }
}
