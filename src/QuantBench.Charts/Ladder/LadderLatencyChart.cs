using QuantBench.Charts.Plots;
using QuantBench.Serving;
using ScottPlot;

namespace QuantBench.Charts.Ladder;

/// <summary>Per level, at concurrency 1: TTFT and ITL medians with their p90 as whiskers.</summary>
internal static class LadderLatencyChart
{
    public const string Id = "ladder-latency";

    public static RenderedChart? Draw(ServingLadder ladder)
    {
        var levels = LadderCharts.Measured(ladder).Where(l => l.SingleStream is not null).ToArray();
        if (levels.Length == 0)
        {
            return null;
        }

        (string Name, Func<ServingPointMetrics, LatencyPercentiles> Figure)[] series =
        [
            ("TTFT", m => m.TimeToFirstTokenMs),
            ("ITL", m => m.InterTokenLatencyMs),
        ];
        var plot = ChartStyle.NewPlot("Latency per level (concurrency 1)", "quantization level", "milliseconds");
        double width = 0.8 / series.Length;
        double top = 0;
        for (int s = 0; s < series.Length; s++)
        {
            var bars = new List<Bar>();
            var xs = new List<double>();
            var ys = new List<double>();
            var up = new List<double>();
            for (int i = 0; i < levels.Length; i++)
            {
                var figure = series[s].Figure(levels[i].SingleStream!.Metrics);
                if (figure.N == 0 || !double.IsFinite(figure.P50))
                {
                    continue;
                }

                double x = i - 0.4 + width * (s + 0.5);
                bars.Add(new Bar { Position = x, Value = figure.P50, FillColor = ChartStyle.Color(s), Size = width * 0.9 });
                xs.Add(x);
                ys.Add(figure.P50);
                up.Add(Math.Max(0, figure.P90 - figure.P50));
                top = Math.Max(top, figure.P90);
            }

            plot.Add.Bars(bars).LegendText = series[s].Name + " p50";
            if (xs.Count > 0)
            {
                var whiskers = plot.Add.ErrorBar(xs.ToArray(), ys.ToArray(), up.ToArray());
                whiskers.YErrorNegative = new double[xs.Count];
                whiskers.Color = Colors.Black;
            }
        }

        ChartStyle.CategoryTicks(plot, levels.Select(l => l.Level).ToArray());
        plot.Axes.Margins(bottom: 0);
        plot.Axes.SetLimitsY(0, Math.Max(top, 1) * 1.3);
        plot.ShowLegend(Alignment.UpperRight);
        const string caption = "One stream at a time (the concurrency-1 point): bars are medians over its requests, whiskers reach the 90th percentile. "
            + "TTFT includes the HTTP request and the prompt's prefill; ITL is every gap between streamed chunks, pooled.";
        return ChartStyle.Render(plot, Id, "Latency per level (concurrency 1)", caption);
    }
}
