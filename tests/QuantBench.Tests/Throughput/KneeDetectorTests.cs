using QuantBench.Throughput;

namespace QuantBench.Tests.Throughput;

public sealed class KneeDetectorTests
{
    [Fact]
    public void The_knee_is_the_smallest_batch_size_that_no_larger_one_beats_by_ten_percent()
    {
        // 8 and 16 gain 8.6% and 9.7% over 4, both below 10%: throughput has stopped growing at 4.
        var points = new[] { (1, 100.0), (2, 190.0), (4, 350.0), (8, 380.0), (16, 384.0) };

        Assert.Equal(4, KneeDetector.Find(points));
    }

    [Fact]
    public void Throughput_that_still_grows_at_the_largest_batch_has_no_knee()
    {
        Assert.Null(KneeDetector.Find([(1, 100.0), (2, 200.0), (4, 400.0)]));
    }

    [Fact]
    public void A_dip_is_not_a_knee_when_throughput_grows_again_later()
    {
        Assert.Null(KneeDetector.Find([(1, 100.0), (2, 200.0), (4, 150.0), (8, 400.0)]));
    }

    [Fact]
    public void A_drop_that_never_recovers_the_gain_is_a_knee()
    {
        Assert.Equal(2, KneeDetector.Find([(1, 100.0), (2, 200.0), (4, 180.0), (8, 210.0)]));
    }

    [Fact]
    public void Points_are_taken_in_batch_size_order()
    {
        Assert.Equal(2, KneeDetector.Find([(4, 205.0), (1, 100.0), (2, 200.0)]));
    }

    [Fact]
    public void The_minimum_gain_is_a_setting()
    {
        var points = new[] { (1, 100.0), (2, 130.0), (4, 160.0) };

        Assert.Equal(2, KneeDetector.Find(points, minimumGain: 0.5));
        Assert.Null(KneeDetector.Find(points, minimumGain: 0.2));
    }

    [Fact]
    public void A_single_batch_size_has_no_knee()
    {
        Assert.Null(KneeDetector.Find([(8, 100.0)]));
    }
}
