using QuantBench.Decisions;
using QuantBench.Reports;
using Spectre.Console;

namespace QuantBench.Cli.Rendering;

/// <summary><c>quantbench recommend</c> of served results on the console: the limits, each level's deciding figures, the choice.</summary>
internal static class ServingRecommendationView
{
    internal static void Render(IAnsiConsole console, ServingRecommendation recommendation)
    {
        var c = recommendation.Constraints;
        console.MarkupLineInterpolated($"Constraints: {Describe(c)}");
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("level").AddColumn(new TableColumn("size").RightAligned()).AddColumn(new TableColumn("peak RSS").RightAligned())
            .AddColumn(new TableColumn("peak VRAM").RightAligned()).AddColumn(new TableColumn("TTFT ms (c=1)").RightAligned())
            .AddColumn(new TableColumn("tg t/s (c=1)").RightAligned()).AddColumn(new TableColumn($"best goodput req/s").RightAligned())
            .AddColumn("meets constraints");
        foreach (var a in recommendation.Levels)
        {
            var l = a.Level;
            bool chosen = recommendation.Choice == a;
            string name = l.Level ?? "the server";
            table.AddRow(
                new Markup(chosen ? $"[bold green]{Markup.Escape(name)}[/]" : Markup.Escape(name)),
                new Text(l.FileBytes is { } size ? Units.Bytes(size) : "n/a"),
                new Text(l.PeakResidentBytes is { } peak ? Units.Bytes(peak) : "n/a"),
                new Text(l.PeakGpuBytes is { } gpu ? Units.Bytes(gpu) : "n/a"),
                new Text(Units.Number(a.TimeToFirstTokenMs ?? double.NaN, 1)),
                new Text(Units.Number(a.DecodeTokensPerSecond ?? double.NaN, 1)),
                new Text(a.GoodputRequestsPerSecond is { } g ? $"{Units.Number(g, 2)} ({a.GoodputLoad})" : "n/a"),
                new Markup(a.MeetsAll ? "[green]yes[/]" : "[red]no:[/] " + Markup.Escape(string.Join("; ", a.Violations))));
        }

        console.Write(table);
        foreach (string excluded in recommendation.Excluded)
        {
            console.MarkupLineInterpolated($"[grey]not considered: {excluded}[/]");
        }

        console.MarkupLine(recommendation.Choice is { } choice
            ? $"[bold green]Choose {Markup.Escape(choice.Level.Level ?? "the server")}.[/] {Markup.Escape(recommendation.Reason)}"
            : Markup.Escape(recommendation.Reason));
    }

    private static string Describe(ServingConstraints c)
    {
        var parts = new List<string> { $"goodput objective {c.Objective}" };
        if (c.AtRequestsPerSecond is { } rate) parts.Add($"at least {Units.Number(rate, 2)} good requests/s at some load point");
        if (c.MaxMemoryBytes is { } memory) parts.Add($"peak RSS ≤ {Units.Bytes(memory)}");
        if (c.MaxGpuBytes is { } gpu) parts.Add($"peak VRAM ≤ {Units.Bytes(gpu)}");
        if (c.MaxSizeBytes is { } size) parts.Add($"size ≤ {Units.Bytes(size)}");
        if (c.MaxTtftMs is { } ttft) parts.Add($"TTFT at c=1 ≤ {Units.Number(ttft, 1)} ms");
        if (c.MinDecodeTokensPerSecond is { } decode) parts.Add($"tg at c=1 ≥ {Units.Number(decode, 1)} t/s");
        return string.Join(", ", parts);
    }
}
