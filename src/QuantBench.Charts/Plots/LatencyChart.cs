using System.Globalization;
using QuantBench.Charts.Data;
using ScottPlot;

namespace QuantBench.Charts.Plots;

/// <summary>Mean time per request for each level, split into time to first token and decode time, with the mean's CI.</summary>
internal static class LatencyChart
{
    public const string Id = "latency";

    public static RenderedChart? Draw(ChartData data)
    {
        if (data.Levels.Length == 0)
        {
            return null;
        }

        var plot = ChartStyle.NewPlot("Time per request", "quantization level", "time per request (ms)");
        var ttft = new List<Bar>();
        var decode = new List<Bar>();
        for (int i = 0; i < data.Levels.Length; i++)
        {
            var latency = data.Levels[i].Latency!;
            double firstToken = latency.TimeToFirstTokenMs.Mean;
            double total = latency.EndToEndMs.Mean;
            ttft.Add(new Bar { Position = i, ValueBase = 0, Value = firstToken, FillColor = ChartStyle.Color(0), Size = 0.6 });
            decode.Add(new Bar
            {
                Position = i,
                ValueBase = firstToken,
                Value = total,
                FillColor = ChartStyle.Color(1),
                Size = 0.6,
            });
        }

        plot.Add.Bars(ttft).LegendText = "time to first token (prefill + 1st token)";
        plot.Add.Bars(decode).LegendText = "decode (remaining tokens)";
        ChartStyle.AddErrorBars(
            plot,
            decode.Select(b => b.Position).ToArray(),
            decode.Select(b => b.Value).ToArray(),
            data.Levels.Select(l => l.Latency!.EndToEndMs.HalfWidth),
            Colors.Black);
        ChartStyle.CategoryTicks(plot, data.Levels.Select(l => l.Model.Label).ToArray());
        plot.Axes.Margins(bottom: 0);
        plot.ShowLegend(Alignment.UpperRight);

        var first = data.Levels[0].Latency!;
        var e2e = first.EndToEndMs;
        string caption = string.Create(CultureInfo.InvariantCulture,
            $"Bars: mean time per request ({first.PrefillTestName} + {first.DecodeTestName}), split into time to first token and the decode time after it. Error bars: {e2e.ConfidenceLevel:P0} confidence interval of the mean end-to-end time (Student's t, n = {e2e.N} requests per level), cut at zero.");
        return ChartStyle.Render(plot, Id, "Time per request", caption);
    }
}
