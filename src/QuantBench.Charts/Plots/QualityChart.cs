using QuantBench.Charts.Analysis;
using QuantBench.Decisions;
using QuantBench.Charts.Data;
using ScottPlot;

namespace QuantBench.Charts.Plots;

/// <summary>Quality loss against size for each level, with the Pareto frontier (no level both smaller and better) drawn.</summary>
internal static class QualityChart
{
    public const string Id = "quality-vs-size";

    public static RenderedChart? Draw(ChartData data)
    {
        var points = data.QualityPoints.Where(p => double.IsFinite(p.Value)).ToArray();
        if (points.Length == 0)
        {
            return null;
        }

        var scale = ByteScale.For(points.Max(p => p.FileBytes));
        var plot = ChartStyle.NewPlot("Quality against size", $"size on disk ({scale.Unit})", data.QualityAxisLabel + ", lower is better");
        // Smaller is better on both axes; the line runs from the smallest file up.
        var frontier = ParetoFrontier.Of([.. points.Where(p => double.IsFinite(p.Value)).OrderBy(p => p.FileBytes)], p => [p.FileBytes, p.Value]);
        var frontierLine = plot.Add.ScatterLine(
            frontier.Select(p => scale.Convert(p.FileBytes)).ToArray(), frontier.Select(p => p.Value).ToArray(), ChartStyle.Color(3));
        frontierLine.LineWidth = 2;
        // Solid: Skia cannot write dashed lines to SVG (it prints a warning per line).
        frontierLine.LegendText = "Pareto frontier";

        double[] xs = points.Select(p => scale.Convert(p.FileBytes)).ToArray();
        double[] ys = points.Select(p => p.Value).ToArray();
        var marks = plot.Add.ScatterPoints(xs, ys, ChartStyle.Color(0));
        marks.MarkerSize = 9;
        marks.LegendText = "level";
        bool anyError = points.Any(p => double.IsFinite(p.HalfWidth));
        if (anyError)
        {
            ChartStyle.AddErrorBars(plot, xs, ys, points.Select(p => p.HalfWidth), ChartStyle.Color(0));
        }

        for (int i = 0; i < points.Length; i++)
        {
            var text = plot.Add.Text(points[i].Label, xs[i], ys[i]);
            text.LabelFontSize = 12;
            text.LabelOffsetX = 8;
            text.LabelOffsetY = -8;
        }

        plot.Axes.Margins(0.15, 0.15);
        plot.ShowLegend(Alignment.UpperRight);
        string caption = "Points: each level's quality figure against its file size; on the red Pareto frontier no other level is both smaller and better."
            + (anyError ? " Error bars: the confidence interval of the quality figure." : " No uncertainty was reported for the quality figures, so no error bars.");
        return ChartStyle.Render(plot, Id, "Quality against size", caption);
    }
}
