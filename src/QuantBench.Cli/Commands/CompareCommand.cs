using QuantBench.Decisions;
using QuantBench.Reports;
using QuantBench.Results;
using Spectre.Console;
using Spectre.Console.Cli;

namespace QuantBench.Cli.Commands;

/// <summary>
/// <c>quantbench compare OLD NEW</c>: each figure of each model found in both runs, old and new, their ratio with its
/// interval and a verdict, on the console and as compare.md and compare.html; differing conditions first.
/// </summary>
internal sealed class CompareCommand(IAnsiConsole console) : Command<CompareSettings>
{
    public override int Execute(CommandContext context, CompareSettings settings, CancellationToken cancellationToken)
    {
        var old = ResultsJson.ReadRun(settings.Old);
        var @new = ResultsJson.ReadRun(settings.New);
        var comparison = RunComparer.Compare(old, @new, settings.Old, settings.New);
        foreach (string warning in comparison.ConditionWarnings)
        {
            console.MarkupLineInterpolated($"[yellow]warning:[/] {warning}");
        }

        var table = new Table().Border(TableBorder.Rounded);
        foreach (string header in ComparisonCells.Headers)
        {
            table.AddColumn(new TableColumn(Markup.Escape(header)));
        }

        foreach (var model in comparison.Models)
        {
            if (model.Note is { } note)
            {
                table.AddRow(new Text(model.Label), new Text(""), new Text(""), new Text(""), new Text(""), new Text(""), new Text(""), new Text(note));
            }

            foreach (var figure in model.Figures)
            {
                var cells = ComparisonCells.Row(model, figure);
                string colour = figure.Verdict switch
                {
                    "faster" or "lower" => "green",
                    "slower" or "higher" => "red",
                    _ => "default",
                };
                table.AddRow([.. cells.Take(cells.Length - 1).Select(c => new Text(c)), new Markup($"[{colour}]{Markup.Escape(cells[^1])}[/]")]);
            }
        }

        console.Write(table);
        console.MarkupLineInterpolated($"[grey]{comparison.VerdictRule}[/]");
        if (comparison.OnlyInOld.Length > 0)
        {
            console.MarkupLineInterpolated($"only in the old run: {string.Join(", ", comparison.OnlyInOld)}");
        }

        if (comparison.OnlyInNew.Length > 0)
        {
            console.MarkupLineInterpolated($"only in the new run: {string.Join(", ", comparison.OnlyInNew)}");
        }

        string directory = settings.Output ?? Directory.GetCurrentDirectory();
        Directory.CreateDirectory(directory);
        AtomicFile.WriteAllText(Path.Combine(directory, ComparisonMarkdown.FileName), ComparisonMarkdown.Render(comparison));
        AtomicFile.WriteAllText(Path.Combine(directory, ComparisonHtml.FileName), ComparisonHtml.Render(comparison));
        console.MarkupLineInterpolated($"Written: {Path.GetFullPath(Path.Combine(directory, ComparisonMarkdown.FileName))}, {ComparisonHtml.FileName}");
        return 0;
    }
}
