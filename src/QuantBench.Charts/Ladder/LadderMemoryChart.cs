using QuantBench.Charts.Analysis;
using QuantBench.Charts.Plots;
using QuantBench.Serving;
using ScottPlot;

namespace QuantBench.Charts.Ladder;

/// <summary>Per level: the model file's size, the server's idle and peak resident memory, and its peak VRAM where a GPU was read.</summary>
internal static class LadderMemoryChart
{
    public const string Id = "ladder-memory";

    public static RenderedChart? Draw(ServingLadder ladder)
    {
        var levels = LadderCharts.Measured(ladder);
        if (levels.Length == 0)
        {
            return null;
        }

        bool hasVram = levels.Any(l => l.Memory?.Gpu is { Available: true });
        var series = new List<(string Name, Func<LevelServingSummary, double> Bytes)>
        {
            ("size on disk", l => l.FileBytes ?? double.NaN),
            ("idle RSS (after load)", l => l.Memory?.IdleResidentBytes ?? double.NaN),
            ("peak RSS", l => l.Memory?.PeakResidentBytes ?? double.NaN),
        };
        if (hasVram)
        {
            series.Add(("peak VRAM", l => l.Memory?.Gpu is { Available: true } g ? (double?)(g.PeakProcessUsedBytes ?? g.PeakDeviceUsedBytes) ?? double.NaN : double.NaN));
        }

        double largest = levels.SelectMany(l => series.Select(s => s.Bytes(l))).Where(double.IsFinite).DefaultIfEmpty(0).Max();
        var scale = ByteScale.For(largest);
        var plot = ChartStyle.NewPlot("Server memory per level", "quantization level", $"bytes ({scale.Unit})");
        double width = 0.8 / series.Count;
        for (int s = 0; s < series.Count; s++)
        {
            var bars = new List<Bar>();
            for (int i = 0; i < levels.Length; i++)
            {
                double bytes = series[s].Bytes(levels[i]);
                if (double.IsFinite(bytes))
                {
                    bars.Add(new Bar { Position = i - 0.4 + width * (s + 0.5), Value = scale.Convert(bytes), FillColor = ChartStyle.Color(s), Size = width * 0.9 });
                }
            }

            plot.Add.Bars(bars).LegendText = series[s].Name;
        }

        ChartStyle.CategoryTicks(plot, levels.Select(l => l.Level).ToArray());
        plot.Axes.Margins(bottom: 0);
        plot.Axes.SetLimitsY(0, scale.Convert(largest) * 1.3);
        plot.ShowLegend(Alignment.UpperRight);
        string caption = "The launched server's process tree, summed (a wrapper's children included): resident memory once ready before any request (idle) and the highest over the sweep (peak, sampled at 200 Hz or the kernel's high-water mark)"
            + (hasVram ? "; peak VRAM is the GPU memory its processes held at most (NVML)" : "; no GPU was read")
            + ". One server per level, so no error bars.";
        return ChartStyle.Render(plot, Id, "Server memory per level", caption);
    }
}
