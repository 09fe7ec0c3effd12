using System.Collections.Immutable;
using QuantBench.Serving;

namespace QuantBench.Charts.Ladder;

/// <summary>The charts of a launched ladder, in report order; a chart without data is left out.</summary>
public static class LadderCharts
{
    public static ImmutableArray<RenderedChart> Draw(ServingLadder ladder) =>
        [.. new[] { LadderMemoryChart.Draw(ladder), LadderLatencyChart.Draw(ladder), LadderThroughputChart.Draw(ladder) }.OfType<RenderedChart>()];

    /// <summary>The levels with figures (a level that failed before its first point has none).</summary>
    internal static LevelServingSummary[] Measured(ServingLadder ladder) => [.. ladder.Levels.Where(l => !l.Points.IsEmpty || l.Memory is not null)];
}
