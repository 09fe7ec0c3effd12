namespace QuantBench.Statistics;

/// <summary>
/// Outcome of comparing a candidate with a baseline (see <see cref="RatioComparer"/>): "faster" means
/// better in the metric's own <see cref="MetricDirection"/>, e.g. lower latency or higher tokens/s.
/// </summary>
public enum ComparisonVerdict
{
    NoDifference,
    Faster,
    Slower,
}
