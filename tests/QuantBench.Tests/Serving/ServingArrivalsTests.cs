using QuantBench.Serving;

namespace QuantBench.Tests.Serving;

public sealed class ServingArrivalsTests
{
    [Fact]
    public void The_same_seed_gives_the_same_schedule()
    {
        Assert.Equal(ServingArrivals.Schedule(4, 1, 50, 7).ToArray(), ServingArrivals.Schedule(4, 1, 50, 7).ToArray());
        Assert.NotEqual(ServingArrivals.Schedule(4, 1, 50, 7).ToArray(), ServingArrivals.Schedule(4, 1, 50, 8).ToArray());
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(0.5)]
    [InlineData(4.0)]
    public void Gaps_have_mean_one_over_rate_and_squared_variation_one_over_burstiness(double burstiness)
    {
        var arrivals = ServingArrivals.Schedule(10, burstiness, 40_001, 3);
        double[] gaps = arrivals.Zip(arrivals.Skip(1), (a, b) => b - a).ToArray();
        double mean = gaps.Average();
        double variance = gaps.Sum(g => (g - mean) * (g - mean)) / (gaps.Length - 1);

        Assert.Equal(0, arrivals[0]);
        Assert.InRange(mean, 97, 103);                                   // 100 ms at 10 req/s
        Assert.InRange(variance / (mean * mean), 0.93 / burstiness, 1.07 / burstiness); // gamma: CV^2 = 1/shape
    }

    [Fact]
    public void A_rate_that_is_not_positive_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ServingArrivals.Schedule(0, 1, 3, 1));
}
