using System.Globalization;
using QuantBench.Charts.Analysis;
using QuantBench.Charts.Data;
using ScottPlot;

namespace QuantBench.Charts.Plots;

/// <summary>Task accuracy against size: one series per task file, one point per level, its 95% Wilson interval as error bars.</summary>
internal static class TaskAccuracyChart
{
    public const string Id = "accuracy-vs-size";

    private static readonly MarkerShape[] Shapes = [MarkerShape.FilledCircle, MarkerShape.FilledSquare, MarkerShape.FilledTriangleUp, MarkerShape.FilledDiamond];

    public static RenderedChart? Draw(ChartData data)
    {
        var points = data.TaskPoints.Where(p => p.Tasks > 0).ToArray();
        if (points.Length == 0)
        {
            return null;
        }

        var scale = ByteScale.For(points.Max(p => p.FileBytes));
        var plot = ChartStyle.NewPlot("Task accuracy against size", $"size on disk ({scale.Unit})", "accuracy (%), higher is better");
        var tasks = points.Select(p => p.Task).Distinct().ToArray();
        for (int t = 0; t < tasks.Length; t++)
        {
            var series = points.Where(p => p.Task == tasks[t]).OrderBy(p => p.FileBytes).ToArray();
            double[] xs = series.Select(p => scale.Convert(p.FileBytes)).ToArray();
            double[] ys = series.Select(p => 100 * p.Accuracy).ToArray();
            var line = plot.Add.Scatter(xs, ys, ChartStyle.Color(t));
            line.MarkerShape = Shapes[t % Shapes.Length];
            line.MarkerSize = 9;
            line.LineWidth = 1;
            line.LegendText = tasks[t];
            var bars = plot.Add.ErrorBar(xs, ys, series.Select((p, i) => 100 * p.High - ys[i]).ToArray());
            bars.YErrorNegative = series.Select((p, i) => ys[i] - 100 * p.Low).ToArray();
            bars.Color = ChartStyle.Color(t);
        }

        // Each level named once, above the highest interval drawn at its size.
        foreach (var level in points.GroupBy(p => p.Label))
        {
            var top = level.MaxBy(p => p.High)!;
            var text = plot.Add.Text(level.Key, scale.Convert(top.FileBytes), 100 * top.High);
            text.LabelFontSize = 12;
            text.LabelAlignment = Alignment.LowerCenter;
            text.LabelOffsetY = -4;
        }

        plot.Axes.Margins(0.1, 0.15);
        // Below the axes: inside, it would cover a point or an interval of some ladder.
        plot.ShowLegend(Edge.Bottom);
        int[] counts = points.Select(p => p.Tasks).Distinct().Order().ToArray();
        string n = counts.Length == 1 ? counts[0].ToString(CultureInfo.InvariantCulture) : string.Join(" to ", counts[0], counts[^1]);
        string caption = $"Points: each level's share of correct tasks on each task file (n = {n} tasks, scored as llama-perplexity scores them) against its file size, one line per file. "
            + "Error bars: the 95% Wilson score interval of the accuracy; the paired change against the baseline, which is tighter, is in report.md.";
        return ChartStyle.Render(plot, Id, "Task accuracy against size", caption);
    }
}
