using System.Globalization;
using QuantBench.Charts.Analysis;
using QuantBench.Charts.Data;
using ScottPlot;

namespace QuantBench.Charts.Plots;

/// <summary>Decode rate against file size, with the memory-bandwidth roofline when the bandwidth is known.</summary>
internal static class DecodeRateChart
{
    public const string Id = "decode-vs-size";

    public static RenderedChart? Draw(ChartData data)
    {
        if (data.Levels.Length == 0)
        {
            return null;
        }

        var scale = ByteScale.For(data.Levels.Max(l => l.Model.FileBytes));
        double[] xs = data.Levels.Select(l => scale.Convert(l.Model.FileBytes)).ToArray();
        double[] ys = data.Levels.Select(l => l.Latency!.DecodeTokensPerSecond.Mean).ToArray();
        double[] errors = data.Levels.Select(l => l.Latency!.DecodeTokensPerSecond.HalfWidth).ToArray();
        var plot = ChartStyle.NewPlot("Decode rate against size", $"size on disk ({scale.Unit})", "decode rate (tokens/s)");

        if (data.MemoryBandwidthBytesPerSecond is { } bandwidth && bandwidth > 0)
        {
            // Decoding one token reads every weight once, so bandwidth / model bytes bounds the rate from above.
            double from = xs.Min() * 0.8, to = xs.Max() * 1.1;
            double[] lineX = Enumerable.Range(0, 50).Select(k => from + (to - from) * k / 49).ToArray();
            double[] lineY = lineX.Select(x => bandwidth / (x * scale.BytesPerUnit)).ToArray();
            var roofline = plot.Add.ScatterLine(lineX, lineY, ChartStyle.Color(3));
            roofline.LineWidth = 2; // solid: Skia cannot write dashed lines to SVG (it prints a warning per line)
            roofline.LegendText = string.Create(CultureInfo.InvariantCulture, $"roofline: {bandwidth / 1e9:0.#} GB/s ÷ size");
        }

        var points = plot.Add.ScatterPoints(xs, ys, ChartStyle.Color(0));
        points.MarkerSize = 9;
        points.LegendText = "mean decode rate";
        ChartStyle.AddErrorBars(plot, xs, ys, errors, ChartStyle.Color(0));
        for (int i = 0; i < xs.Length; i++)
        {
            var text = plot.Add.Text(data.Levels[i].Model.Label, xs[i], ys[i]);
            text.LabelFontSize = 12;
            text.LabelOffsetX = 8;
            text.LabelOffsetY = -8;
        }

        plot.Axes.Margins(0.15, 0.15);
        plot.ShowLegend(Alignment.UpperRight);
        var d = data.Levels[0].Latency!.DecodeTokensPerSecond;
        string caption = string.Create(CultureInfo.InvariantCulture,
            $"Points: mean decode rate of each level against its file size. Error bars: {d.ConfidenceLevel:P0} confidence interval of the mean (Student's t, n = {d.N} requests per level), cut at zero.")
            + (data.MemoryBandwidthBytesPerSecond is > 0
                ? " Red line: the memory-bandwidth roofline, the rate at which every weight is read once per token."
                : " No memory bandwidth was measured, so no roofline is drawn.");
        return ChartStyle.Render(plot, Id, "Decode rate against size", caption);
    }
}
