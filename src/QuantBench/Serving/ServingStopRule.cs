using System.Globalization;

namespace QuantBench.Serving;

/// <summary>
/// When a sweep stops by itself: the error rate of a point passes <see cref="MaxErrorRate"/>, or output
/// throughput has not beaten the best so far by <see cref="MinGain"/> for <see cref="Patience"/> points in a row.
/// </summary>
public sealed record ServingStopRule(double MaxErrorRate = 0.5, double MinGain = 0.03, int Patience = 2, bool StopWhenFlat = true)
{
    /// <summary>Why the sweep should stop after <paramref name="points"/>, or null to go on.</summary>
    public string? Check(IReadOnlyList<ServingPoint> points)
    {
        if (points.Count == 0)
        {
            return null;
        }

        var last = points[^1];
        if (last.Metrics.ErrorRate > MaxErrorRate)
        {
            return $"stopped after {last.Load.Label}: {Percent(last.Metrics.ErrorRate)} of its requests failed (limit {Percent(MaxErrorRate)})";
        }

        if (!StopWhenFlat || points.Count <= Patience)
        {
            return null;
        }

        double Throughput(ServingPoint p) => double.IsFinite(p.Metrics.OutputTokensPerSecond) ? p.Metrics.OutputTokensPerSecond : p.Metrics.RequestsPerSecond;
        double bestBefore = points.Take(points.Count - Patience).Max(Throughput);
        bool flat = points.Skip(points.Count - Patience).All(p => !(Throughput(p) >= bestBefore * (1 + MinGain)));
        return flat
            ? $"stopped after {last.Load.Label}: throughput did not grow by {Percent(MinGain)} over {Patience} point(s)"
            : null;
    }

    private static string Percent(double share) => string.Create(CultureInfo.InvariantCulture, $"{share * 100:0.#}%");
}
