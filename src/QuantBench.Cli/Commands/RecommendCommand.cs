using QuantBench.Cli.Rendering;
using QuantBench.Decisions;
using QuantBench.Reports;
using QuantBench.Results;
using Spectre.Console;
using Spectre.Console.Cli;
using Spectre.Console.Rendering;

namespace QuantBench.Cli.Commands;

/// <summary>
/// <c>quantbench recommend RESULTS [limits]</c>: the levels that meet every limit, the one to choose and why, and
/// the Pareto-optimal set. Exit code 1 when limits were given and no level meets them all.
/// </summary>
internal sealed class RecommendCommand(IAnsiConsole console) : Command<RecommendSettings>
{
    public override int Execute(CommandContext context, RecommendSettings settings, CancellationToken cancellationToken)
    {
        var run = ResultsJson.ReadRun(settings.Results);
        if (ServedRun.From(run) is { } served)
        {
            if (settings.MaxKld is not null)
            {
                console.MarkupLine("[yellow]warning:[/] served results have no quality (KLD) figure, so --max-kld is ignored");
            }

            if (settings.MinAccuracy.Length > 0 || settings.MaxAccuracyDrop.Length > 0)
            {
                console.MarkupLine("[yellow]warning:[/] served results have no task accuracy, so --min-accuracy and --max-accuracy-drop are ignored");
            }

            var answer = ServingRecommender.Recommend(served.Levels, settings.ToServingConstraints(served.Plan.Objective));
            ServingRecommendationView.Render(console, answer);
            return answer.Choice is not null || answer.Constraints.IsEmpty ? 0 : 1;
        }

        if (settings.AsksServing)
        {
            throw new InvalidOperationException($"{settings.Results} holds an in-process run: --slo, --at-rate and --max-vram need served results (quantbench serve, serve --launch)");
        }

        var recommendation = Recommender.Recommend(run, settings.ToConstraints());
        foreach (string warning in recommendation.Warnings)
        {
            console.MarkupLineInterpolated($"[yellow]warning:[/] {warning}");
        }

        console.MarkupLineInterpolated($"Constraints: {RecommendationSection.Describe(recommendation.Constraints)}");
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("level").AddColumn(new TableColumn("size").RightAligned()).AddColumn(new TableColumn("bpw").RightAligned())
            .AddColumn(new TableColumn("peak RSS").RightAligned()).AddColumn(new TableColumn("TTFT ms").RightAligned())
            .AddColumn(new TableColumn("tg t/s").RightAligned()).AddColumn(new TableColumn("KLD").RightAligned());
        bool tasks = recommendation.Levels.Any(a => !a.Level.Tasks.IsDefaultOrEmpty);
        if (tasks)
        {
            table.AddColumn("task accuracy (change vs baseline)");
        }

        table.AddColumn("meets constraints").AddColumn("Pareto");
        foreach (var assessment in recommendation.Levels)
        {
            var l = assessment.Level;
            bool chosen = recommendation.Choice == l;
            IRenderable[] cells =
            [
                new Markup(chosen ? $"[bold green]{Markup.Escape(l.Label)}[/]" : Markup.Escape(l.Label)),
                new Text(Units.Bytes(l.FileBytes)),
                new Text(Units.Number(l.BitsPerWeight, 2)),
                new Text(l.PeakResidentBytes is { } peak ? Units.Bytes(peak) : "n/a"),
                new Text(Units.Number(l.TimeToFirstTokenMs ?? double.NaN, 2)),
                new Text(Units.Number(l.DecodeTokensPerSecond ?? double.NaN, 1)),
                new Text(l.MeanKld is { } kld ? kld.ToString("0.######", System.Globalization.CultureInfo.InvariantCulture) : "n/a"),
                .. tasks ? [new Text(RecommendationSection.TaskCell(l))] : Array.Empty<IRenderable>(),
                new Markup(assessment.MeetsAll ? "[green]yes[/]" : "[red]no:[/] " + Markup.Escape(string.Join("; ", assessment.Violations))),
                new Text(recommendation.ParetoSet.Contains(l) ? "yes" : ""),
            ];
            table.AddRow(cells);
        }

        console.Write(table);
        foreach (string excluded in recommendation.Excluded)
        {
            console.MarkupLineInterpolated($"[grey]not considered: {excluded}[/]");
        }

        console.MarkupLineInterpolated($"Pareto-optimal (size, decode rate{(recommendation.QualityMeasured ? ", KLD" : "")}): {string.Join(", ", recommendation.ParetoSet.Select(l => l.Label))}");
        if (recommendation.Choice is { } choice)
        {
            console.MarkupLineInterpolated($"[bold green]Choose {choice.Label}.[/] {recommendation.Reason}");
            return 0;
        }

        console.MarkupLineInterpolated($"{recommendation.Reason}");
        return recommendation.Constraints.IsEmpty ? 0 : 1;
    }
}
