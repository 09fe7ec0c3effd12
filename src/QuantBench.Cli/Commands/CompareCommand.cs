using QuantBench.Decisions;
using QuantBench.Machine;
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
        var comparison = Compare(old, @new, settings.Old, settings.New);
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

    /// <summary>Two in-process runs, two served sweeps (point by point), or an in-process run against served levels (at concurrency 1).</summary>
    private static RunComparison Compare(RunResult old, RunResult @new, string oldSource, string newSource)
    {
        var (oldServed, newServed) = (ServedRun.From(old), ServedRun.From(@new));
        return (oldServed, newServed) switch
        {
            (null, null) => RunComparer.Compare(old, @new, oldSource, newSource),
            ({ } o, { } n) => ServingComparer.Compare(o.Levels, n.Levels, ServingConditions.Mismatches(old, o.Target, o.Plan, @new, n.Target, n.Plan), oldSource, newSource),
            (null, { } n) => ServingComparer.CompareWithRun(old, n.Levels, runIsOld: true, ServingConditions.InProcessAgainstServed(old, n.Target), oldSource, newSource, Sha256),
            ({ } o, null) => ServingComparer.CompareWithRun(@new, o.Levels, runIsOld: false, ServingConditions.InProcessAgainstServed(@new, o.Target), oldSource, newSource, Sha256),
        };
    }

    // Only for a served level whose file name matches no model of the in-process run; a missing file has no hash.
    private static string? Sha256(string path) => File.Exists(path) ? FileHasher.Sha256Async(path).GetAwaiter().GetResult() : null;
}
