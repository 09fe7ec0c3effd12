using System.Globalization;
using QuantBench.Charts.Analysis;
using QuantBench.Charts.Data;
using ScottPlot;

namespace QuantBench.Charts.Plots;

/// <summary>Throughput against batch size, one line per level, each curve's knee marked.</summary>
internal static class ThroughputChart
{
    public const string Id = "throughput-vs-batch";

    public static RenderedChart? Draw(ChartData data)
    {
        var curves = data.ThroughputCurves.Where(c => c.Points.Any(p => p.BatchSize > 0)).ToArray();
        if (curves.Length == 0)
        {
            return null;
        }

        var plot = ChartStyle.NewPlot("Throughput against batch size", "batch size (concurrent sequences, log scale)", "throughput (tokens/s)");
        bool anyError = false;
        for (int c = 0; c < curves.Length; c++)
        {
            var points = curves[c].Points.Where(p => p.BatchSize > 0).OrderBy(p => p.BatchSize).ToArray();
            // Sweeps double the batch size, so log2 spaces the points evenly.
            double[] xs = points.Select(p => Math.Log2(p.BatchSize)).ToArray();
            double[] ys = points.Select(p => p.TokensPerSecond).ToArray();
            var line = plot.Add.Scatter(xs, ys, ChartStyle.Color(c));
            line.LegendText = curves[c].Label;
            line.MarkerSize = 7;
            if (points.Any(p => double.IsFinite(p.HalfWidthTokensPerSecond)))
            {
                anyError = true;
                ChartStyle.AddErrorBars(plot, xs, ys, points.Select(p => p.HalfWidthTokensPerSecond), ChartStyle.Color(c));
            }

            if (curves[c].KneeBatchSize is { } kneeSize && points.FirstOrDefault(p => p.BatchSize == kneeSize) is { } knee)
            {
                plot.Add.Marker(Math.Log2(knee.BatchSize), knee.TokensPerSecond, MarkerShape.OpenDiamond, 18, ChartStyle.Color(c));
                var label = plot.Add.Text(string.Create(CultureInfo.InvariantCulture, $"knee: {knee.BatchSize}"), Math.Log2(knee.BatchSize), knee.TokensPerSecond);
                label.LabelFontSize = 12;
                label.LabelOffsetX = 10;
                label.LabelOffsetY = 10;
                label.LabelFontColor = ChartStyle.Color(c);
            }
        }

        int[] sizes = curves.SelectMany(c => c.Points).Select(p => p.BatchSize).Where(b => b > 0).Distinct().Order().ToArray();
        plot.Axes.Bottom.SetTicks(sizes.Select(b => Math.Log2(b)).ToArray(), sizes.Select(b => b.ToString(CultureInfo.InvariantCulture)).ToArray());
        plot.Axes.Margins(0.08, 0.12);
        plot.ShowLegend(Alignment.UpperLeft);
        string caption = "Lines: aggregate generation throughput of each level as the number of concurrent sequences grows. "
            + "Diamonds: the knee, the smallest batch size that no larger one beats by 10% or more (docs/metrics.md)."
            + (anyError ? " Error bars: the confidence interval of each throughput figure." : " One measurement per point, so no error bars.");
        return ChartStyle.Render(plot, Id, "Throughput against batch size", caption);
    }
}
