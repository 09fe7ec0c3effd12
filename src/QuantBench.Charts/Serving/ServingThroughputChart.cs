using System.Globalization;
using QuantBench.Charts.Plots;
using QuantBench.Serving;
using ScottPlot;

namespace QuantBench.Charts.Serving;

/// <summary>Output tokens/s and goodput against concurrency (or offered request rate), one mark per point.</summary>
internal static class ServingThroughputChart
{
    public const string Id = "serving-throughput";

    public static RenderedChart? Draw(ServingResult serving)
    {
        var points = serving.Points.Where(p => double.IsFinite(p.Metrics.OutputTokensPerSecond)).ToArray();
        if (points.Length == 0)
        {
            return null;
        }

        bool byConcurrency = points.All(p => p.Load.Kind == ServingLoadKind.Concurrency);
        string xLabel = byConcurrency ? "concurrency (requests in flight, log scale)" : "offered request rate (requests/s, log scale)";
        var plot = ChartStyle.NewPlot("Throughput against load", xLabel, "output tokens/s");
        var ordered = points.OrderBy(p => p.Load.Value).ToArray();
        double[] xs = ordered.Select(p => Math.Log2(p.Load.Value)).ToArray();
        var line = plot.Add.Scatter(xs, ordered.Select(p => p.Metrics.OutputTokensPerSecond).ToArray(), ChartStyle.Color(0));
        line.LegendText = "output tokens/s";
        line.MarkerSize = 8;
        var good = plot.Add.Scatter(xs, ordered.Select(p => p.Metrics.OutputTokensPerSecond * Zero(p.Metrics.GoodputShare)).ToArray(), ChartStyle.Color(1));
        good.LegendText = $"output tokens/s x goodput share ({serving.Plan.Objective})";
        good.MarkerSize = 6;
        good.MarkerShape = MarkerShape.OpenCircle;
        foreach (var p in ordered.Where(p => p.Metrics.Errors.Total > 0))
        {
            var label = plot.Add.Text(string.Create(CultureInfo.InvariantCulture, $"{p.Metrics.Errors.Total} failed"), Math.Log2(p.Load.Value), p.Metrics.OutputTokensPerSecond);
            label.LabelFontSize = 12;
            label.LabelOffsetY = 8;
            label.LabelFontColor = Colors.Red;
        }

        plot.Axes.Bottom.SetTicks(xs, ordered.Select(p => p.Load.Value.ToString("0.###", CultureInfo.InvariantCulture)).ToArray());
        plot.Axes.Margins(0.12, 0.12);
        plot.Axes.SetLimitsY(0, ordered.Max(p => p.Metrics.OutputTokensPerSecond) * 1.35);
        plot.ShowLegend(Alignment.UpperRight);
        string caption = "Solid: output tokens per second of the successful requests at each load point (server token counts). "
            + "Open circles: the same scaled by the share of requests that met every objective, so the gap is throughput that missed them. Red labels: failed requests.";
        return ChartStyle.Render(plot, Id, "Throughput against load", caption);
    }

    private static double Zero(double share) => double.IsFinite(share) ? share : 0;
}
