namespace QuantBench.Tasks;

/// <summary>Intervals and tests for accuracies: Wilson's score interval and the exact binomial (McNemar) test.</summary>
public static class AccuracyStatistics
{
    /// <summary>z for a two-sided 95% interval, the value llama-perplexity uses.</summary>
    public const double Z95 = 1.95996398454;

    /// <summary>The Wilson score interval of <paramref name="successes"/> in <paramref name="trials"/>, as fractions.</summary>
    public static (double Low, double High) Wilson(int successes, int trials, double z = Z95)
    {
        if (trials <= 0)
        {
            return (double.NaN, double.NaN);
        }

        double p = (double)successes / trials;
        double z2n = z * z / trials;
        double half = z * Math.Sqrt(p * (1 - p) / trials + z2n / (4.0 * trials)) / (1 + z2n);
        double centre = (p + z2n / 2) / (1 + z2n);
        return (centre - half, centre + half);
    }

    /// <summary>
    /// The two-sided exact binomial test of <paramref name="k"/> successes in <paramref name="n"/> trials at
    /// p = 1/2 (McNemar's exact test when k and n - k are the two kinds of discordant pairs):
    /// min(1, 2 × P(X ≤ min(k, n - k))). 1 when n is 0.
    /// </summary>
    public static double ExactBinomialTwoSided(int k, int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(k, n);
        if (n == 0)
        {
            return 1;
        }

        int tail = Math.Min(k, n - k);
        // log C(n, i) - n log 2, built up term by term to stay in range for any n.
        double logTerm = -n * Math.Log(2);
        double sum = Math.Exp(logTerm);
        for (int i = 1; i <= tail; i++)
        {
            logTerm += Math.Log(n - i + 1) - Math.Log(i);
            sum += Math.Exp(logTerm);
        }

        return Math.Min(1, 2 * sum);
    }
}
