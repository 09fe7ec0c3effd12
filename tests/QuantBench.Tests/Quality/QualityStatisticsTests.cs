using QuantBench.Quality;

namespace QuantBench.Tests.Quality;

public sealed class QualityStatisticsTests
{
    [Theory]
    [InlineData(0.0, 10.0)]
    [InlineData(-0.5, 10.0)]
    [InlineData(1.0, 50.0)]
    [InlineData(0.25, 20.0)]
    [InlineData(0.9, 46.0)]
    [InlineData(0.999, 49.96)]
    public void Percentile_interpolates_linearly_at_rank_fraction_times_n_minus_one(double fraction, double expected)
    {
        double[] sorted = [10, 20, 30, 40, 50];
        Assert.Equal(expected, QualityStatistics.Percentile(sorted, fraction), 9);
    }

    [Fact]
    public void Median_of_an_even_count_averages_the_two_middle_values()
    {
        Assert.Equal(2.5, QualityStatistics.Median([1, 2, 3, 4]));
        Assert.Equal(3, QualityStatistics.Median([1, 2, 3, 4, 100]));
    }

    [Fact]
    public void Summary_sorts_and_reports_extremes_and_percentiles()
    {
        double[] values = [5, 1, 4, 2, 3];
        var summary = QualityStatistics.Summarize(values);
        Assert.Equal(1, summary.Minimum);
        Assert.Equal(5, summary.Maximum);
        Assert.Equal(3, summary.Median);
        Assert.Equal(2, summary.Percentile25);
        Assert.Equal(4, summary.Percentile75);
        Assert.Equal(4.6, summary.Percentile90, 9);
    }

    [Fact]
    public void Standard_error_of_the_mean_uses_n_minus_one_and_is_zero_for_ten_values_or_fewer()
    {
        // Eleven values: ten zeros and one 11 -> mean 1, E[x²] = 11, variance 10, standard error sqrt(10 / 10) = 1.
        var (mean, uncertainty) = QualityStatistics.MeanAndUncertainty(sum: 11, sumOfSquares: 121, count: 11);
        Assert.Equal(1, mean, 12);
        Assert.Equal(1, uncertainty, 12);

        var (_, fewUncertainty) = QualityStatistics.MeanAndUncertainty(sum: 10, sumOfSquares: 100, count: 10);
        Assert.Equal(0, fewUncertainty);
    }
}
