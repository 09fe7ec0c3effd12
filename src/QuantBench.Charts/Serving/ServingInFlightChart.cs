using System.Globalization;
using QuantBench.Charts.Plots;
using QuantBench.Serving;
using ScottPlot;

namespace QuantBench.Charts.Serving;

/// <summary>
/// Requests in flight over the sweep: each point's step function of in-flight requests (from every request's send and
/// end), the points laid end to end on one time axis in the order they ran, each labelled with its load.
/// </summary>
internal static class ServingInFlightChart
{
    public const string Id = "serving-in-flight";

    public static RenderedChart? Draw(ServingResult serving)
    {
        var points = serving.Points.Where(p => !p.Samples.IsEmpty).ToArray();
        if (points.Length == 0)
        {
            return null;
        }

        var plot = ChartStyle.NewPlot("Requests in flight over the sweep", "time since the first measured request (s; points end to end)", "requests in flight");
        double offsetSeconds = 0;
        int top = 1;
        for (int i = 0; i < points.Length; i++)
        {
            var point = points[i];
            var steps = InFlightStep.Series(point.Samples);
            double startMs = point.Samples.Min(s => s.SentMs);
            double[] xs = [offsetSeconds, .. steps.Select(s => offsetSeconds + (s.TimeMs - startMs) / 1000.0)];
            double[] ys = [0, .. steps.Select(s => (double)s.InFlight)];
            var line = plot.Add.Scatter(xs, ys, ChartStyle.Color(i % 10));
            line.ConnectStyle = ConnectStyle.StepHorizontal;
            line.MarkerSize = 0;
            line.LineWidth = 1.5f;
            top = Math.Max(top, point.Metrics.MaxInFlight);
            var label = plot.Add.Text(point.Load.Label, offsetSeconds, point.Metrics.MaxInFlight);
            label.LabelFontSize = 11;
            label.LabelOffsetY = -18;
            label.LabelFontColor = ChartStyle.Color(i % 10);
            offsetSeconds = xs[^1];
        }

        plot.Axes.Margins(horizontal: 0.03, vertical: 0);
        plot.Axes.SetLimitsY(0, top * 1.25 + 0.5);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        string caption = string.Create(CultureInfo.InvariantCulture,
            $"Each measured request counts from its send to the end of its stream (warm-ups left out). The points ran one after another; each is drawn from its own first request, so the gaps between points (warm-up, pauses) are left out. A closed-loop point should hold its concurrency until its last requests drain; an open-loop point shows the queue the arrivals built up. Mean in flight per point: {string.Join(", ", points.Select(p => $"{p.Load.Label} {p.Metrics.MeanInFlight:0.##}"))}.");
        return ChartStyle.Render(plot, Id, "Requests in flight over the sweep", caption);
    }
}
