namespace QuantBench.Throughput;

/// <summary>
/// Where throughput stops growing with batch size: the knee is the first batch size B whose next swept
/// size B' raises aggregate throughput by less than the minimum gain (default 10%), i.e.
/// T(B') &lt; (1 + gain)·T(B). Null when every step still gains that much (no knee within the sweep).
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
            if (!(sorted[i + 1].TokensPerSecond >= (1 + minimumGain) * sorted[i].TokensPerSecond))
            {
                return sorted[i].BatchSize;
            }
        }

        return null;
    }
}
