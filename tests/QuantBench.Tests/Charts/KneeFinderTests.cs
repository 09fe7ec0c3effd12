using QuantBench.Charts.Analysis;
using QuantBench.Charts.Data;

namespace QuantBench.Tests.Charts;

public sealed class KneeFinderTests
{
    [Fact]
    public void The_knee_is_where_a_saturating_curve_stops_growing()
    {
        ThroughputPoint[] points = [new(1, 100), new(2, 190), new(4, 350), new(8, 390), new(16, 400), new(32, 402)];

        Assert.Equal(4, KneeFinder.Find(points)?.BatchSize);
    }

    [Fact]
    public void A_straight_line_or_too_few_points_has_no_knee()
    {
        Assert.Null(KneeFinder.Find([new(1, 100), new(2, 200), new(4, 300), new(8, 400)]));
        Assert.Null(KneeFinder.Find([new(1, 100), new(2, 190)]));
    }
}
