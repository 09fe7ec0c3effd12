using System.Globalization;
using QuantBench.Charts.Plots;
using QuantBench.Serving;
using ScottPlot;

namespace QuantBench.Charts.Ladder;

/// <summary>Output tokens/s against concurrency (or offered request rate), one line per level.</summary>
internal static class LadderThroughputChart
{
    public const string Id = "ladder-throughput";

    private static readonly MarkerShape[] Shapes = [MarkerShape.FilledCircle, MarkerShape.FilledSquare, MarkerShape.FilledTriangleUp, MarkerShape.FilledDiamond, MarkerShape.OpenCircle, MarkerShape.OpenSquare, MarkerShape.OpenTriangleUp, MarkerShape.OpenDiamond];

    public static RenderedChart? Draw(ServingLadder ladder)
    {
        var levels = LadderCharts.Measured(ladder)
            .Select(l => (l.Level, Points: l.Points.Where(p => double.IsFinite(p.Metrics.OutputTokensPerSecond)).OrderBy(p => p.Load.Value).ToArray()))
            .Where(l => l.Points.Length > 0)
            .ToArray();
        if (levels.Length == 0)
        {
            return null;
        }

        // One axis: concurrency when every point is a concurrency, else the rate points alone.
        bool byConcurrency = levels.All(l => l.Points.All(p => p.Load.Kind == ServingLoadKind.Concurrency));
        var kind = byConcurrency ? ServingLoadKind.Concurrency : ServingLoadKind.Rate;
        string xLabel = byConcurrency ? "concurrency (requests in flight, log scale)" : "offered request rate (requests/s, log scale)";
        var plot = ChartStyle.NewPlot("Throughput against load, per level", xLabel, "output tokens/s");
        double top = 0;
        for (int i = 0; i < levels.Length; i++)
        {
            var points = levels[i].Points.Where(p => p.Load.Kind == kind).ToArray();
            if (points.Length == 0)
            {
                continue;
            }

            var line = plot.Add.Scatter(points.Select(p => Math.Log2(p.Load.Value)).ToArray(), points.Select(p => p.Metrics.OutputTokensPerSecond).ToArray(), ChartStyle.Color(i));
            line.LegendText = levels[i].Level;
            line.MarkerSize = 8;
            line.MarkerShape = Shapes[i % Shapes.Length];
            top = Math.Max(top, points.Max(p => p.Metrics.OutputTokensPerSecond));
        }

        double[] loads = levels.SelectMany(l => l.Points).Where(p => p.Load.Kind == kind).Select(p => p.Load.Value).Distinct().Order().ToArray();
        plot.Axes.Bottom.SetTicks(loads.Select(Math.Log2).ToArray(), loads.Select(v => v.ToString("0.###", CultureInfo.InvariantCulture)).ToArray());
        plot.Axes.Margins(0.08, 0.12);
        plot.Axes.SetLimitsY(0, Math.Max(top, 1) * 1.35);
        plot.ShowLegend(Alignment.UpperLeft);
        const string caption = "Output tokens per second of each level's successful requests at each load point (the server's token counts), one launched server per level, every level given the same requests. "
            + "Where a line flattens, that server is saturated.";
        return ChartStyle.Render(plot, Id, "Throughput against load, per level", caption);
    }
}
