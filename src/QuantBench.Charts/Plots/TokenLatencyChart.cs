using QuantBench.Charts.Data;
using ScottPlot;

namespace QuantBench.Charts.Plots;

/// <summary>The distribution of per-token latency (gaps between consecutive tokens) for each level, as box plots.</summary>
internal static class TokenLatencyChart
{
    public const string Id = "token-latency";

    public static RenderedChart? Draw(ChartData data)
    {
        if (data.Levels.All(l => l.Latency!.InterTokenGapMs.N == 0))
        {
            return null;
        }

        var plot = ChartStyle.NewPlot("Per-token latency", "quantization level", "gap between tokens (ms)");
        var boxes = new List<Box>();
        var outlierX = new List<double>();
        var outlierY = new List<double>();
        for (int i = 0; i < data.Levels.Length; i++)
        {
            var gaps = data.Levels[i].Latency!.InterTokenGapMs;
            if (gaps.N == 0)
            {
                continue;
            }

            var inside = gaps.Values.Where(v => v >= gaps.LowerFence && v <= gaps.UpperFence).DefaultIfEmpty(gaps.Median).ToArray();
            boxes.Add(new Box
            {
                Position = i,
                BoxMin = gaps.Q1,
                BoxMiddle = gaps.Median,
                BoxMax = gaps.Q3,
                WhiskerMin = inside.Min(),
                WhiskerMax = inside.Max(),
                FillColor = ChartStyle.Color(i).WithAlpha(0.6),
                Width = 0.5,
            });
            foreach (double v in gaps.Values.Where(v => v < gaps.LowerFence || v > gaps.UpperFence))
            {
                outlierX.Add(i);
                outlierY.Add(v);
            }
        }

        plot.Add.Boxes(boxes);
        if (outlierX.Count > 0)
        {
            var outliers = plot.Add.Markers(outlierX.ToArray(), outlierY.ToArray(), MarkerShape.OpenCircle, 5, Colors.Gray);
            outliers.LegendText = "outside Tukey's fences";
            plot.ShowLegend(Alignment.UpperRight);
        }

        ChartStyle.CategoryTicks(plot, data.Levels.Select(l => l.Model.Label).ToArray());
        plot.Axes.Margins(bottom: 0.05);
        const string caption = "Boxes: quartiles and median of the gaps between consecutive generated tokens, over every measured request. "
            + "Whiskers: the most extreme gaps inside Tukey's fences (1.5 × IQR beyond the quartiles); circles: gaps outside them.";
        return ChartStyle.Render(plot, Id, "Per-token latency", caption);
    }
}
