using QuantBench.Serving;
using Spectre.Console;

namespace QuantBench.Cli.Rendering;

/// <summary>A serving sweep on the console: the table of report.md, its notes, warnings and why it stopped.</summary>
internal static class ServingView
{
    internal static void Render(IAnsiConsole console, ServingResult serving)
    {
        foreach (string note in serving.Notes)
        {
            console.MarkupLineInterpolated($"[yellow]note:[/] {note}");
        }

        var summary = ServingTable.From(serving);
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
