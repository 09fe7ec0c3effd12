using System.Collections.Immutable;
using QuantBench.Charts.Data;
using QuantBench.Charts.Plots;

namespace QuantBench.Charts;

/// <summary>Draws every chart the data supports, in report order; a chart whose data is absent is left out.</summary>
public static class ChartSet
{
    /// <summary>The ids of every chart QuantBench can draw, in report order.</summary>
    public static ImmutableArray<string> AllIds { get; } =
        [LatencyChart.Id, MemoryChart.Id, DecodeRateChart.Id, TokenLatencyChart.Id, ThroughputChart.Id, QualityChart.Id, TaskAccuracyChart.Id];

    public static ImmutableArray<RenderedChart> Draw(ChartData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        RenderedChart?[] charts =
        [
            LatencyChart.Draw(data),
            MemoryChart.Draw(data),
            DecodeRateChart.Draw(data),
            TokenLatencyChart.Draw(data),
            ThroughputChart.Draw(data),
            QualityChart.Draw(data),
            TaskAccuracyChart.Draw(data),
        ];
        return [.. charts.OfType<RenderedChart>()];
    }
}
