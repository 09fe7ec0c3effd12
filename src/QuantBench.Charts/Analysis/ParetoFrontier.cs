using System.Collections.Immutable;
using QuantBench.Charts.Data;

namespace QuantBench.Charts.Analysis;

/// <summary>The levels no other level beats on both size and quality: smaller is better on both axes.</summary>
public static class ParetoFrontier
{
    /// <summary>The non-dominated points, smallest file first.</summary>
    public static ImmutableArray<QualityPoint> Of(IEnumerable<QualityPoint> points)
    {
        var frontier = ImmutableArray.CreateBuilder<QualityPoint>();
        double best = double.PositiveInfinity;
        // Walking from the smallest file up, a point is on the frontier only if it is better than every smaller one.
        foreach (var point in points.Where(p => double.IsFinite(p.Value)).OrderBy(p => p.FileBytes).ThenBy(p => p.Value))
        {
            if (point.Value < best)
            {
                frontier.Add(point);
                best = point.Value;
            }
        }

        return frontier.ToImmutable();
    }
}
