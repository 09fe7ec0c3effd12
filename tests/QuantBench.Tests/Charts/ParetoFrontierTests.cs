using QuantBench.Charts.Data;
using QuantBench.Decisions;

namespace QuantBench.Tests.Charts;

public sealed class ParetoFrontierTests
{
    [Fact]
    public void A_level_both_larger_and_worse_than_another_is_off_the_frontier()
    {
        QualityPoint[] points =
        [
            new("Q8_0", 800, 0.001),
            new("Q6_K", 600, 0.004),
            new("Q5_0", 650, 0.010), // larger and worse than Q6_K
            new("Q4_K_M", 450, 0.020),
            new("Q2_K", 250, 0.200),
        ];

        var frontier = ParetoFrontier.Of([.. points.OrderBy(p => p.FileBytes)], p => [p.FileBytes, p.Value]);

        Assert.Equal(["Q2_K", "Q4_K_M", "Q6_K", "Q8_0"], frontier.Select(p => p.Label));
    }
}
