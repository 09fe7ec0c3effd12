using QuantBench.Statistics;

namespace QuantBench.Tests.Statistics;

public sealed class RatioComparerTests
{
    private readonly RatioComparer comparer = new();

    [Fact]
    public void Halved_latency_is_faster_with_a_ratio_near_one_half()
    {
        var estimate = comparer.Compare(SampleData.Around(50, 0.5), SampleData.Around(100), MetricDirection.LowerIsBetter);

        Assert.Equal(ComparisonVerdict.Faster, estimate.Verdict);
        Assert.Equal(0.5, estimate.Ratio, 2);
        Assert.Equal(2.0, estimate.Speedup, 1);
        Assert.InRange(0.5, estimate.ConfidenceIntervalLower, estimate.ConfidenceIntervalUpper);
        Assert.True(estimate.ConfidenceIntervalUpper < 1);
        Assert.True(estimate.PValue < estimate.Alpha);
    }

    [Fact]
    public void Halved_throughput_is_slower()
    {
        var estimate = comparer.Compare(SampleData.Around(50, 0.5), SampleData.Around(100), MetricDirection.HigherIsBetter);

        Assert.Equal(ComparisonVerdict.Slower, estimate.Verdict);
        Assert.Equal(0.5, estimate.Speedup, 2);
    }

    [Fact]
    public void Identical_samples_show_no_difference()
    {
        var estimate = comparer.Compare(SampleData.Around(100), SampleData.Around(100), MetricDirection.LowerIsBetter);

        Assert.Equal(ComparisonVerdict.NoDifference, estimate.Verdict);
        Assert.Equal(1.0, estimate.Ratio, 12);
        Assert.True(estimate.PValue > estimate.Alpha);
        Assert.InRange(1.0, estimate.ConfidenceIntervalLower, estimate.ConfidenceIntervalUpper);
    }

    [Fact]
    public void Significant_difference_below_the_minimum_effect_is_no_difference()
    {
        // 1% faster and separable (p tiny), but under the 2% practical threshold.
        var estimate = comparer.Compare(SampleData.Around(99, 0.1), SampleData.Around(100, 0.1), MetricDirection.LowerIsBetter);

        Assert.True(estimate.PValue < estimate.Alpha);
        Assert.Equal(ComparisonVerdict.NoDifference, estimate.Verdict);
        Assert.Equal(ComparisonVerdict.Faster,
            (comparer with { MinRelativeEffect = 0.005 }).Compare(SampleData.Around(99, 0.1), SampleData.Around(100, 0.1), MetricDirection.LowerIsBetter).Verdict);
    }

    [Fact]
    public void Fixed_seed_makes_the_bootstrap_interval_reproducible()
    {
        var first = comparer.Compare(SampleData.Around(60), SampleData.Around(100), MetricDirection.LowerIsBetter);
        var second = comparer.Compare(SampleData.Around(60), SampleData.Around(100), MetricDirection.LowerIsBetter);

        Assert.Equal(first.ConfidenceIntervalLower, second.ConfidenceIntervalLower);
        Assert.Equal(first.ConfidenceIntervalUpper, second.ConfidenceIntervalUpper);
    }

    [Fact]
    public void Pairing_cancels_drift_shared_by_both_in_a_round()
    {
        // Both slow down 10 ms per round (thermal drift); the candidate is always 10% faster within a round.
        double[] baseline = [.. Enumerable.Range(0, 10).Select(i => 100.0 + 10 * i + SampleData.Jitter[i])];
        double[] candidate = [.. baseline.Select((b, i) => 0.9 * b + SampleData.Jitter[(i + 3) % 10] * 0.1)];

        var paired = comparer.ComparePaired(candidate, baseline, MetricDirection.LowerIsBetter);
        var independent = comparer.Compare(candidate, baseline, MetricDirection.LowerIsBetter);

        Assert.Equal(RatioMethod.PairedMedianOfRatios, paired.Method);
        Assert.Equal(ComparisonVerdict.Faster, paired.Verdict);
        Assert.Equal(0.9, paired.Ratio, 2);
        Assert.InRange(0.9, paired.ConfidenceIntervalLower - 0.005, paired.ConfidenceIntervalUpper + 0.005);
        Assert.Equal(ComparisonVerdict.NoDifference, independent.Verdict);
    }

    [Fact]
    public void Identical_pairs_show_no_difference()
    {
        double[] same = SampleData.Around(100);

        var estimate = comparer.ComparePaired(same, same, MetricDirection.LowerIsBetter);

        Assert.Equal(ComparisonVerdict.NoDifference, estimate.Verdict);
        Assert.Equal(1.0, estimate.Ratio, 12);
        Assert.Equal(1.0, estimate.PValue);
    }

    [Fact]
    public void Paired_samples_of_different_lengths_are_rejected() =>
        Assert.Throws<ArgumentException>(() => comparer.ComparePaired([1, 2, 3], [1, 2], MetricDirection.LowerIsBetter));

    [Fact]
    public void Non_positive_values_are_rejected() =>
        Assert.Throws<ArgumentException>(() => comparer.Compare([1, 0], [1, 2], MetricDirection.LowerIsBetter));
}
