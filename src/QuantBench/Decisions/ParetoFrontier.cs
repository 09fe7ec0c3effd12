using System.Collections.Immutable;

namespace QuantBench.Decisions;

/// <summary>
/// The Pareto-optimal levels: those no other level beats on every objective at once. Objectives: smaller file,
/// higher median decode rate, and lower mean KLD when every level has one. A level missing the decode rate
/// counts as the slowest. Medians carry noise, so two levels within noise of each other can both stay.
/// </summary>
public static class ParetoFrontier
{
    public static ImmutableArray<LevelFigures> Of(IReadOnlyList<LevelFigures> levels)
    {
        ArgumentNullException.ThrowIfNull(levels);
        bool withQuality = levels.Count > 0 && levels.All(l => l.MeanKld is not null);
        return Of(levels, level => Costs(level, withQuality));
    }

    /// <summary>
    /// The items no other item dominates, in their given order, for any objectives written as costs (lower is
    /// better on each): the one frontier rule, used by the recommendation and by the quality-against-size chart.
    /// </summary>
    public static ImmutableArray<T> Of<T>(IReadOnlyList<T> items, Func<T, double[]> costs)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(costs);
        var all = items.Select(costs).ToArray();
        return [.. items.Where((_, i) => !all.Any(other => Dominates(other, all[i])))];
    }

    /// <summary>True when <paramref name="a"/> is no worse than <paramref name="b"/> on every objective and better on one.</summary>
    public static bool Dominates(LevelFigures a, LevelFigures b, bool withQuality)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return Dominates(Costs(a, withQuality), Costs(b, withQuality));
    }

    private static bool Dominates(double[] aCosts, double[] bCosts)
    {
        bool strictlyBetter = false;
        for (int i = 0; i < aCosts.Length; i++)
        {
            if (aCosts[i] > bCosts[i])
            {
                return false;
            }

            strictlyBetter |= aCosts[i] < bCosts[i];
        }

        return strictlyBetter;
    }

    private static double[] Costs(LevelFigures level, bool withQuality) => withQuality
        ? [level.FileBytes, -(level.DecodeTokensPerSecond ?? 0), level.MeanKld!.Value]
        : [level.FileBytes, -(level.DecodeTokensPerSecond ?? 0)];
}
