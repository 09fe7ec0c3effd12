using QuantBench.Charts.Data;

namespace QuantBench.Charts.Analysis;

/// <summary>
/// Finds the knee of a throughput curve, where adding concurrency stops paying: the point farthest above the
/// chord from the first to the last point once both axes are scaled to [0, 1] (the Kneedle idea). Batch sizes
/// are taken on a log2 scale because sweeps double them.
/// </summary>
public static class KneeFinder
{
    /// <summary>The knee's point, or null with fewer than three points or no bend above the chord.</summary>
    public static ThroughputPoint? Find(IReadOnlyList<ThroughputPoint> points)
    {
        var sorted = points.Where(p => p.BatchSize > 0 && double.IsFinite(p.TokensPerSecond)).OrderBy(p => p.BatchSize).ToArray();
        if (sorted.Length < 3)
        {
            return null;
        }

        double xMin = Math.Log2(sorted[0].BatchSize), xMax = Math.Log2(sorted[^1].BatchSize);
        double yMin = sorted.Min(p => p.TokensPerSecond), yMax = sorted.Max(p => p.TokensPerSecond);
        if (xMax <= xMin || yMax <= yMin)
        {
            return null;
        }

        double firstY = (sorted[0].TokensPerSecond - yMin) / (yMax - yMin);
        double lastY = (sorted[^1].TokensPerSecond - yMin) / (yMax - yMin);
        ThroughputPoint? knee = null;
        double bestGap = 1e-9;
        foreach (var point in sorted)
        {
            double x = (Math.Log2(point.BatchSize) - xMin) / (xMax - xMin);
            double y = (point.TokensPerSecond - yMin) / (yMax - yMin);
            double gap = y - (firstY + (lastY - firstY) * x);
            if (gap > bestGap)
            {
                (knee, bestGap) = (point, gap);
            }
        }

        return knee;
    }
}
