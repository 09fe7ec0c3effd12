using System.Collections.Immutable;
using QuantBench.Reports;
using QuantBench.Results;
using QuantBench.Serving;
using Spectre.Console;

namespace QuantBench.Cli.Rendering;

/// <summary>A run on the console: the table of report.md (models, or a serving sweep's load points) and its notes.</summary>
internal static class ResultsView
{
    internal static void Render(IAnsiConsole console, RunResult run)
    {
        foreach (string note in run.Notes.Concat(run.Serving?.Notes ?? []))
        {
            console.MarkupLineInterpolated($"[yellow]note:[/] {note}");
        }

        if (run.Serving is { } serving)
        {
            var points = ServingTable.From(serving);
            Write(console, points.Headers, points.Rows);
            RenderServingProblems(console, serving);
            return;
        }

        var summary = SummaryTable.From(run);
        Write(console, summary.Headers, summary.Rows);
        foreach (var phase in run.Phases)
        {
            console.MarkupLineInterpolated($"[grey]{phase.Name}: {phase.Seconds:0.0} s[/]");
        }
    }

    // Text columns read from the left; figures line up on the right.
    private static readonly string[] TextColumns = ["type mix", "status"];

    private static void Write(IAnsiConsole console, ImmutableArray<string> headers, ImmutableArray<ImmutableArray<string>> rows)
    {
        foreach (var part in TableParts.Split(headers, [.. rows.Select(r => (IReadOnlyList<string>)r)], console.Profile.Width))
        {
            var table = new Table().Border(TableBorder.Rounded);
            foreach (int c in part)
            {
                var column = new TableColumn(Markup.Escape(headers[c]));
                table.AddColumn(c == 0 || TextColumns.Contains(headers[c]) ? column.LeftAligned() : column.RightAligned());
            }

            foreach (var row in rows)
            {
                table.AddRow(part.Select(c => new Markup(Markup.Escape(c < row.Length ? row[c] : ""))).ToArray());
            }

            console.Write(table);
        }
    }

    private static void RenderServingProblems(IAnsiConsole console, ServingResult serving)
    {
        foreach (var point in serving.Points)
        {
            foreach (string warning in point.Warnings)
            {
                console.MarkupLineInterpolated($"[yellow]warning:[/] {point.Load.Label}: {warning}");
            }
        }

        if (serving.StopReason is { } stop)
        {
            console.MarkupLineInterpolated($"The sweep {stop}.");
        }
    }
}
