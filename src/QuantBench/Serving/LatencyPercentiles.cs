using Perfolizer.Mathematics.Common;
using Perfolizer.Mathematics.QuantileEstimators;
using Pragmastat;

namespace QuantBench.Serving;

/// <summary>
/// Mean and percentiles of one latency figure over a point's requests (or gaps), by Perfolizer's
/// Hyndman-Fan type 7 estimator as everywhere in QuantBench (numpy's default, which vLLM's benchmark uses).
/// Every figure is NaN when there is no value.
/// </summary>
public sealed record LatencyPercentiles(int N, double Mean, double P50, double P90, double P95, double P99, double Min, double Max)
{
    public static LatencyPercentiles Empty { get; } = new(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);

    public static LatencyPercentiles From(IEnumerable<double> values)
    {
        double[] data = values.Where(double.IsFinite).ToArray();
        if (data.Length == 0)
        {
            return Empty;
        }

        var sample = new Sample(data);
        var estimator = HyndmanFanQuantileEstimator.Type7;
        double Q(double p) => estimator.Quantile(sample, Probability.Of(p)).NominalValue;
        return new LatencyPercentiles(data.Length, data.Average(), Q(0.5), Q(0.9), Q(0.95), Q(0.99), data.Min(), data.Max());
    }
}
