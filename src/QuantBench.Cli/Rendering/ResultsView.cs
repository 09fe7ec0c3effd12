using QuantBench.Reports;
using QuantBench.Results;
using Spectre.Console;

namespace QuantBench.Cli.Rendering;

/// <summary>The summary table and notes of a run on the console; the same figures as report.md.</summary>
internal static class ResultsView
{
    internal static void Render(IAnsiConsole console, RunResult run)
    {
        if (run.Serving is { } serving)
        {
            ServingView.Render(console, serving);
            return;
        }

        foreach (string note in run.Notes)
        {
            console.MarkupLineInterpolated($"[yellow]note:[/] {note}");
        }

        var summary = SummaryTable.From(run);
        var table = new Table().Border(TableBorder.Rounded);
        foreach (string header in summary.Headers)
        {
            table.AddColumn(new TableColumn(Markup.Escape(header)).RightAligned());
        }

        foreach (var row in summary.Rows)
        {
            table.AddRow(row.Select(cell => new Markup(Markup.Escape(cell))).ToArray());
        }

        console.Write(table);
        foreach (var phase in run.Phases)
        {
            console.MarkupLineInterpolated($"[grey]{phase.Name}: {phase.Seconds:0.0} s[/]");
        }
    }
}
