using QuantBench.Charts.Analysis;
using QuantBench.Charts.Data;
using ScottPlot;

namespace QuantBench.Charts.Plots;

/// <summary>Size on disk beside peak resident memory (and peak VRAM where measured) for each level.</summary>
internal static class MemoryChart
{
    public const string Id = "memory";

    public static RenderedChart? Draw(ChartData data)
    {
        if (data.Levels.Length == 0)
        {
            return null;
        }

        bool hasVram = data.Levels.Any(l => data.PeakVramBytes.ContainsKey(l.Model.Label));
        var series = new List<(string Name, Func<int, double> Bytes)>
        {
            ("size on disk", i => data.Levels[i].Model.FileBytes),
            ("peak RAM (VmHWM)", i => data.Levels[i].Memory?.PeakResidentBytes ?? double.NaN),
        };
        if (hasVram)
        {
            series.Add(("peak VRAM", i => data.PeakVramBytes.TryGetValue(data.Levels[i].Model.Label, out long v) ? v : double.NaN));
        }

        double largest = Enumerable.Range(0, data.Levels.Length).SelectMany(i => series.Select(s => s.Bytes(i))).Where(double.IsFinite).DefaultIfEmpty(0).Max();
        var scale = ByteScale.For(largest);
        var plot = ChartStyle.NewPlot("Size and peak memory", "quantization level", $"bytes ({scale.Unit})");
        double width = 0.8 / series.Count;
        for (int s = 0; s < series.Count; s++)
        {
            var bars = new List<Bar>();
            for (int i = 0; i < data.Levels.Length; i++)
            {
                double bytes = series[s].Bytes(i);
                if (double.IsFinite(bytes))
                {
                    bars.Add(new Bar { Position = i - 0.4 + width * (s + 0.5), Value = scale.Convert(bytes), FillColor = ChartStyle.Color(s), Size = width * 0.9 });
                }
            }

            plot.Add.Bars(bars).LegendText = series[s].Name;
        }

        ChartStyle.CategoryTicks(plot, data.Levels.Select(l => l.Model.Label).ToArray());
        plot.Axes.Margins(bottom: 0);
        plot.ShowLegend(Alignment.UpperRight);
        string caption = "Size on disk is the GGUF file. Peak RAM is the worker process's resident high-water mark (VmHWM) over its whole life, the runtime's own footprint included"
            + (hasVram ? "; peak VRAM is the GPU memory the process held at most" : "")
            + ". One measurement per level, so no error bars.";
        return ChartStyle.Render(plot, Id, "Size and peak memory", caption);
    }
}
