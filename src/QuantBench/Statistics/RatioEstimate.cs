namespace QuantBench.Statistics;

/// <summary>
/// Candidate-over-baseline ratio of a metric with its confidence interval, the p-value of the significance
/// test, and the verdict that follows from them (see <see cref="RatioComparer"/> for the methods and the
/// verdict's thresholds). <see cref="Ratio"/> is candidate/baseline; <see cref="Speedup"/> turns it into
/// "times better", so 2 means twice as fast whether the metric is a latency or a throughput.
/// </summary>
public sealed record RatioEstimate
{
    public required RatioMethod Method { get; init; }
    public required MetricDirection Direction { get; init; }
    public required int CandidateCount { get; init; }
    public required int BaselineCount { get; init; }

    /// <summary>Candidate / baseline (ratio of medians, or median of per-pair ratios).</summary>
    public required double Ratio { get; init; }

    public required double ConfidenceIntervalLower { get; init; }
    public required double ConfidenceIntervalUpper { get; init; }
    public required double ConfidenceLevel { get; init; }

    /// <summary>Two-sided p-value of the test named by <see cref="Method"/>.</summary>
    public required double PValue { get; init; }

    /// <summary>Significance level the p-value was compared against.</summary>
    public required double Alpha { get; init; }

    /// <summary>Smallest |Ratio-1| that counts as a real difference.</summary>
    public required double MinRelativeEffect { get; init; }

    public required ComparisonVerdict Verdict { get; init; }

    /// <summary>How many times better the candidate is: baseline/candidate for latencies, candidate/baseline for throughputs.</summary>
    public double Speedup => Direction == MetricDirection.LowerIsBetter ? 1 / Ratio : Ratio;

    public double SpeedupLower => Direction == MetricDirection.LowerIsBetter ? 1 / ConfidenceIntervalUpper : ConfidenceIntervalLower;

    public double SpeedupUpper => Direction == MetricDirection.LowerIsBetter ? 1 / ConfidenceIntervalLower : ConfidenceIntervalUpper;
}
