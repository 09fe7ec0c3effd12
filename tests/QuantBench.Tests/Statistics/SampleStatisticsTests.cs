using QuantBench.Statistics;

namespace QuantBench.Tests.Statistics;

public sealed class SampleStatisticsTests
{
    // mean 5, median 4.5, sum of squares 32 -> sd = sqrt(32/7) = 2.138090, se = sd/sqrt(8) = 0.755929
    private static readonly double[] Textbook = [2, 4, 4, 4, 5, 5, 7, 9];

    [Fact]
    public void Mean_median_and_sample_standard_deviation_match_hand_computation()
    {
        var s = SampleStatistics.From(Textbook);

        Assert.Equal(8, s.N);
        Assert.Equal(5.0, s.Mean, 12);
        Assert.Equal(4.5, s.Median, 12);
        Assert.Equal(Math.Sqrt(32.0 / 7), s.StandardDeviation, 12);
        Assert.Equal(Math.Sqrt(32.0 / 7) / Math.Sqrt(8), s.StandardError, 12);
        Assert.Equal(2, s.Min);
        Assert.Equal(9, s.Max);
        Assert.Equal(Math.Sqrt(32.0 / 7) / 5, s.CoefficientOfVariation, 12);
    }

    [Fact]
    public void Quantiles_follow_hyndman_fan_type_7()
    {
        // Type 7: h = (n-1)p; x[floor h] + frac(h)·(x[floor h + 1] - x[floor h]) on the sorted sample.
        // P90: h=6.3 -> 7 + 0.3·2 = 7.6; P99: h=6.93 -> 7 + 0.93·2 = 8.86; Q1: h=1.75 -> 4; Q3: h=5.25 -> 5.5.
        var s = SampleStatistics.From(Textbook);

        Assert.Equal(7.6, s.P90, 12);
        Assert.Equal(8.86, s.P99, 12);
        Assert.Equal(4.0, s.Q1, 12);
        Assert.Equal(5.5, s.Q3, 12);
    }

    [Theory]
    // t(0.995, 7) = 3.4995 and t(0.975, 7) = 2.3646 from a Student t table; half-width = t·se.
    [InlineData(0.99, 3.4995)]
    [InlineData(0.95, 2.3646)]
    public void Confidence_interval_of_the_mean_uses_student_t_with_n_minus_1_df(double level, double tQuantile)
    {
        var s = SampleStatistics.From(Textbook, level);
        double expectedHalfWidth = tQuantile * Math.Sqrt(32.0 / 7) / Math.Sqrt(8);

        Assert.Equal(expectedHalfWidth, s.HalfWidth, 3);
        Assert.Equal(5 - expectedHalfWidth, s.ConfidenceIntervalLower, 3);
        Assert.Equal(5 + expectedHalfWidth, s.ConfidenceIntervalUpper, 3);
        Assert.Equal(expectedHalfWidth / 4.5, s.RelativeHalfWidth, 3);
        Assert.Equal(level, s.ConfidenceLevel);
    }

    [Fact]
    public void Obvious_outlier_is_above_the_upper_tukey_fence()
    {
        // Q1 = 11.25, Q3 = 13.75, IQR = 2.5 -> fences 7.5 and 17.5; only 100 is outside.
        var s = SampleStatistics.From([10, 11, 12, 13, 14, 100]);

        Assert.Equal(7.5, s.LowerFence, 12);
        Assert.Equal(17.5, s.UpperFence, 12);
        Assert.Equal(0, s.LowerOutlierCount);
        Assert.Equal(1, s.UpperOutlierCount);
        Assert.Equal(1, s.OutlierCount);
    }

    [Fact]
    public void Without_outliers_recomputes_from_the_values_inside_the_fences()
    {
        var kept = SampleStatistics.From([10, 11, 12, 13, 14, 100]);
        var removed = kept.WithoutOutliers();

        Assert.Equal(6, kept.N);
        Assert.Equal(5, removed.N);
        Assert.Equal(12.0, removed.Mean, 12);
        Assert.Equal(14, removed.Max);
        Assert.Equal(0, removed.OutlierCount);
    }

    [Fact]
    public void Clearly_bimodal_sample_is_multimodal_and_a_normal_one_is_not()
    {
        var bimodal = SampleStatistics.From(SampleData.Bimodal());
        var unimodal = SampleStatistics.From(SampleData.Normal(100, 5, 60));

        Assert.True(bimodal.IsMultimodal);
        Assert.Equal(2, bimodal.Modality);
        Assert.False(unimodal.IsMultimodal);
        Assert.Equal(1, unimodal.Modality);
    }

    [Fact]
    public void Identical_values_have_zero_spread_and_one_mode()
    {
        var s = SampleStatistics.From([42, 42, 42, 42, 42]);

        Assert.Equal(0, s.StandardDeviation);
        Assert.Equal(0, s.HalfWidth);
        Assert.Equal(0, s.RelativeHalfWidth);
        Assert.Equal(0, s.CoefficientOfVariation);
        Assert.Equal(1, s.Modality);
        Assert.Equal(0, s.OutlierCount);
    }

    [Fact]
    public void Single_value_gives_location_and_nan_spread()
    {
        var s = SampleStatistics.From([3.5]);

        Assert.Equal(1, s.N);
        Assert.Equal(3.5, s.Mean);
        Assert.Equal(3.5, s.Median);
        Assert.Equal(3.5, s.P99);
        Assert.True(double.IsNaN(s.StandardDeviation));
        Assert.True(double.IsNaN(s.HalfWidth));
        Assert.True(double.IsNaN(s.ConfidenceIntervalLower));
        Assert.Equal(1, s.Modality);
    }

    [Fact]
    public void Empty_sample_is_all_nan_without_throwing()
    {
        var s = SampleStatistics.From([]);

        Assert.Equal(0, s.N);
        Assert.True(double.IsNaN(s.Mean));
        Assert.True(double.IsNaN(s.Median));
        Assert.True(double.IsNaN(s.P90));
        Assert.Equal(0, s.Modality);
        Assert.Same(s, s.WithoutOutliers());
    }

    [Fact]
    public void Non_finite_value_is_rejected_with_its_index()
    {
        var error = Assert.Throws<ArgumentException>(() => SampleStatistics.From([1, double.NaN]));
        Assert.Contains("index 1", error.Message);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    public void Confidence_level_outside_0_1_is_rejected(double level) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => SampleStatistics.From([1, 2, 3], level));

    [Fact]
    public void Values_that_differ_only_by_rounding_have_one_mode()
    {
        var stats = SampleStatistics.From([10.0, 10.0 + 1e-13, 10.0, 10.0 - 1e-13, 10.0]);
        Assert.Equal(1, stats.Modality);
        Assert.Equal(10.0, stats.Median, 9);
    }
}
