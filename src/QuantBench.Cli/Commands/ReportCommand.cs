using System.ComponentModel;
using QuantBench.Cli.Rendering;
using QuantBench.Reports;
using QuantBench.Results;
using Spectre.Console;
using Spectre.Console.Cli;

namespace QuantBench.Cli.Commands;

/// <summary><c>quantbench report RESULTS</c>: rewrite every report from a results.json, measuring nothing.</summary>
internal sealed class ReportCommand(IAnsiConsole console) : Command<ReportCommand.Settings>
{
    internal sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<results>")]
        [Description("A results folder or its results.json.")]
        public string Results { get; init; } = "";

        [CommandOption("-o|--output <DIR>")]
        [Description("Where to write the reports (default: beside the results).")]
        public string? Output { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var run = ResultsJson.ReadRun(settings.Results);
        string directory = settings.Output ?? (Directory.Exists(settings.Results) ? settings.Results : Path.GetDirectoryName(Path.GetFullPath(settings.Results))!);
        var failures = CliExporters.For(run).Export(run, directory);
        ResultsView.Render(console, run);
        foreach (string failure in failures)
        {
            console.MarkupLineInterpolated($"[yellow]warning:[/] could not write {failure}");
        }

        console.MarkupLineInterpolated($"Reports written to {Path.GetFullPath(directory)}");
        return failures.Count == 0 ? 0 : 1;
    }
}
