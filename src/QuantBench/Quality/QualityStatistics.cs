namespace QuantBench.Quality;

/// <summary>The estimators llama-perplexity prints, so that figures and their ± compare one to one.</summary>
internal static class QualityStatistics
{
    /// <summary>
    /// Mean and standard error of the mean from running sums, as llama-perplexity's KL mode computes them:
    /// sqrt((E[x²] - E[x]²) / (n - 1)), reported as 0 for 10 values or fewer.
    /// </summary>
    internal static (double Mean, double Uncertainty) MeanAndUncertainty(double sum, double sumOfSquares, long count)
    {
        if (count < 1)
        {
            return (0, 0);
        }

        double mean = sum / count;
        double variance = sumOfSquares / count - mean * mean;
        double uncertainty = variance > 0 && count > 10 ? Math.Sqrt(variance / (count - 1)) : 0;
        return (mean, uncertainty);
    }

    /// <summary>Covariance of two means (same scaling as <see cref="MeanAndUncertainty"/>), 0 for fewer than 10 values.</summary>
    internal static double CovarianceOfMeans(double sumA, double sumB, double sumAb, long count)
    {
        if (count < 10)
        {
            return 0;
        }

        double covariance = sumAb / count - sumA / count * (sumB / count);
        return covariance / (count - 1);
    }

    /// <summary>Linear interpolation at rank fraction × (n - 1) of sorted values; the ends for fractions outside (0, 1).</summary>
    internal static double Percentile(ReadOnlySpan<double> sorted, double fraction)
    {
        if (sorted.IsEmpty)
        {
            return double.NaN;
        }

        if (fraction <= 0)
        {
            return sorted[0];
        }

        if (fraction >= 1)
        {
            return sorted[^1];
        }

        double rank = fraction * (sorted.Length - 1);
        int below = (int)rank;
        double weight = rank - below;
        int above = Math.Min(below + 1, sorted.Length - 1);
        return (1 - weight) * sorted[below] + weight * sorted[above];
    }

    /// <summary>The middle value, or the mean of the two middle values of an even count.</summary>
    internal static double Median(ReadOnlySpan<double> sorted)
    {
        if (sorted.IsEmpty)
        {
            return double.NaN;
        }

        int half = sorted.Length / 2;
        return sorted.Length % 2 == 0 ? 0.5 * (sorted[half - 1] + sorted[half]) : sorted[half];
    }

    /// <summary>Sorts <paramref name="values"/> in place and summarizes them.</summary>
    internal static DistributionSummary Summarize(Span<double> values)
    {
        values.Sort();
        ReadOnlySpan<double> sorted = values;
        return new DistributionSummary(
            Minimum: sorted.IsEmpty ? double.NaN : sorted[0],
            Percentile0_1: Percentile(sorted, 0.001),
            Percentile1: Percentile(sorted, 0.01),
            Percentile5: Percentile(sorted, 0.05),
            Percentile10: Percentile(sorted, 0.10),
            Percentile25: Percentile(sorted, 0.25),
            Median: Median(sorted),
            Percentile75: Percentile(sorted, 0.75),
            Percentile90: Percentile(sorted, 0.90),
            Percentile95: Percentile(sorted, 0.95),
            Percentile99: Percentile(sorted, 0.99),
            Percentile99_9: Percentile(sorted, 0.999),
            Maximum: sorted.IsEmpty ? double.NaN : sorted[^1]);
    }
}
