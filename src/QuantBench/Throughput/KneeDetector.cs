namespace QuantBench.Throughput;

/// <summary>
/// Where throughput stops growing with batch size: the knee is the smallest swept batch size B that no
/// larger swept size beats by the minimum gain (default 10%), i.e. T(B') &lt; (1 + gain)·T(B) for every
/// B' &gt; B. Looking at every larger size, not just the next, keeps a noisy dip from passing for a knee.
/// Null when the largest size still gains that much over every smaller one (no knee within the sweep).
/// </summary>
public static class KneeDetector
{
    public const double DefaultMinimumGain = 0.10;

    /// <param name="points">Batch sizes with their throughput (any order; sorted by batch size here).</param>
    public static int? Find(IEnumerable<(int BatchSize, double TokensPerSecond)> points, double minimumGain = DefaultMinimumGain)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentOutOfRangeException.ThrowIfNegative(minimumGain);
        var sorted = points.OrderBy(p => p.BatchSize).ToArray();
        for (int i = 0; i + 1 < sorted.Length; i++)
        {
            double bar = (1 + minimumGain) * sorted[i].TokensPerSecond;
            if (sorted.Skip(i + 1).All(p => !(p.TokensPerSecond >= bar)))
            {
                return sorted[i].BatchSize;
            }
        }

        return null;
    }
}
