using QuantBench.Charts.Plots;
using QuantBench.Serving;
using ScottPlot;

namespace QuantBench.Charts.Serving;

/// <summary>The latency-throughput curve: p50 and p99 of TTFT and ITL against the achieved requests/s of each point.</summary>
internal static class ServingLatencyChart
{
    public const string Id = "serving-latency";

    public static RenderedChart? Draw(ServingResult serving)
    {
        var points = serving.Points.Where(p => double.IsFinite(p.Metrics.RequestsPerSecond) && p.Metrics.TimeToFirstTokenMs.N > 0)
            .OrderBy(p => p.Load.Kind).ThenBy(p => p.Load.Value).ToArray();
        if (points.Length == 0)
        {
            return null;
        }

        var plot = ChartStyle.NewPlot("Latency against achieved throughput", "achieved requests/s", "ms (log scale)");
        double[] xs = points.Select(p => p.Metrics.RequestsPerSecond).ToArray();
        (string Name, Func<ServingPointMetrics, double> Value, int Color, MarkerShape Shape)[] series =
        [
            ("TTFT p50", m => m.TimeToFirstTokenMs.P50, 0, MarkerShape.FilledCircle),
            ("TTFT p99", m => m.TimeToFirstTokenMs.P99, 1, MarkerShape.OpenCircle),
            ("ITL p50", m => m.InterTokenLatencyMs.P50, 2, MarkerShape.FilledSquare),
            ("ITL p99", m => m.InterTokenLatencyMs.P99, 3, MarkerShape.OpenSquare),
        ];
        foreach (var (name, value, color, shape) in series)
        {
            double[] ys = points.Select(p => Math.Log10(Math.Max(value(p.Metrics), 1e-3))).ToArray();
            var line = plot.Add.Scatter(xs, ys, ChartStyle.Color(color));
            line.LegendText = name;
            line.MarkerShape = shape;
            line.MarkerSize = 7;
        }

        foreach (var p in points)
        {
            var label = plot.Add.Text(p.Load.Label, p.Metrics.RequestsPerSecond, Math.Log10(Math.Max(p.Metrics.TimeToFirstTokenMs.P99, 1e-3)));
            label.LabelFontSize = 11;
            label.LabelOffsetY = -16;
        }

        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            LabelFormatter = y => Math.Pow(10, y).ToString(Math.Pow(10, y) < 10 ? "0.##" : "N0", System.Globalization.CultureInfo.InvariantCulture),
            MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
            IntegerTicksOnly = true,
        };
        plot.Axes.Margins(0.1, 0.15);
        plot.ShowLegend(Edge.Right);   // outside the data area: no load label or mark is ever hidden under it
        string caption = "Each point of the sweep placed at the requests/s it achieved (labels: its load), joined in the order of the sweep. Filled marks: medians; open marks: 99th percentiles; "
            + "TTFT from sending to the first chunk with text, ITL every gap between chunks with text (docs/metrics.md). Where the curves turn up, the server is saturated.";
        return ChartStyle.Render(plot, Id, "Latency against achieved throughput", caption);
    }
}
