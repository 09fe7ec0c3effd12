using Perfolizer.Mathematics.Distributions.ContinuousDistributions;
using Pragmastat;

namespace QuantBench.Tests.Statistics;

/// <summary>Deterministic samples for the statistics tests: evenly spaced normal quantiles, no random numbers.</summary>
internal static class SampleData
{
    /// <summary>Small symmetric jitter, in units, added to otherwise constant samples.</summary>
    public static readonly double[] Jitter = [0.3, -0.2, 0.1, -0.4, 0.2, 0.0, -0.1, 0.4, -0.3, 0.1];

    public static double[] Normal(double mean, double sd, int count)
    {
        var distribution = new NormalDistribution(mean, sd);
        return [.. Enumerable.Range(0, count).Select(i => distribution.Quantile(Probability.Of((i + 0.5) / count)))];
    }

    public static double[] Bimodal() => [.. Normal(100, 2, 30).Concat(Normal(200, 2, 30))];

    public static double[] Around(double centre, double scale = 1) => [.. Jitter.Select(j => centre + j * scale)];
}
