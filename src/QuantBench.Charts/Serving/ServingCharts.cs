using System.Collections.Immutable;
using QuantBench.Serving;

namespace QuantBench.Charts.Serving;

/// <summary>The charts of a serving sweep, in report order; a chart without data is left out.</summary>
public static class ServingCharts
{
    public static ImmutableArray<RenderedChart> Draw(ServingResult serving) =>
        [.. new[] { ServingThroughputChart.Draw(serving), ServingLatencyChart.Draw(serving), ServingInFlightChart.Draw(serving) }.OfType<RenderedChart>()];
}
