using QuantBench.Throughput;

namespace QuantBench.Tests.Throughput;

public sealed class ArrivalScheduleTests
{
    [Fact]
    public void The_same_seed_gives_the_same_poisson_schedule()
    {
        Assert.Equal(ArrivalSchedule.Poisson(4, 50, 7).ToArray(), ArrivalSchedule.Poisson(4, 50, 7).ToArray());
        Assert.NotEqual(ArrivalSchedule.Poisson(4, 50, 7).ToArray(), ArrivalSchedule.Poisson(4, 50, 8).ToArray());
    }

    [Fact]
    public void Poisson_arrivals_start_at_zero_and_never_go_back()
    {
        var arrivals = ArrivalSchedule.Poisson(10, 200, 1);

        Assert.Equal(0, arrivals[0]);
        Assert.All(arrivals.Zip(arrivals.Skip(1)), pair => Assert.True(pair.Second >= pair.First));
    }

    [Fact]
    public void Poisson_arrivals_come_at_the_asked_mean_rate()
    {
        var arrivals = ArrivalSchedule.Poisson(5, 20_001, 42);

        // 20,000 exponential gaps of mean 200 ms: the mean is within 3% with overwhelming probability (sd 0.7%).
        double rate = 20_000 * 1000.0 / arrivals[^1];
        Assert.InRange(rate, 5 * 0.97, 5 * 1.03);
    }

    [Fact]
    public void Poisson_gaps_spread_like_an_exponential_distribution()
    {
        var arrivals = ArrivalSchedule.Poisson(1, 20_001, 3);
        var gaps = arrivals.Zip(arrivals.Skip(1), (a, b) => b - a).ToArray();

        // For an exponential the standard deviation equals the mean, unlike evenly spaced arrivals (sd 0).
        double mean = gaps.Average();
        double sd = Math.Sqrt(gaps.Sum(g => (g - mean) * (g - mean)) / (gaps.Length - 1));
        Assert.InRange(sd / mean, 0.95, 1.05);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    public void A_rate_that_is_not_positive_is_refused(double rate)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ArrivalSchedule.Poisson(rate, 3, 1));
    }

    [Fact]
    public void Simultaneous_arrivals_are_all_at_zero()
    {
        Assert.Equal([0.0, 0.0, 0.0], ArrivalSchedule.Simultaneous(3).ToArray());
    }
}
