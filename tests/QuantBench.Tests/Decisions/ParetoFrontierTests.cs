using QuantBench.Decisions;

namespace QuantBench.Tests.Decisions;

public sealed class ParetoFrontierTests
{
    private static LevelFigures Level(string label, long bytes, double tps, double? kld = null) =>
        new() { Label = label, FileBytes = bytes, DecodeTokensPerSecond = tps, MeanKld = kld };

    [Fact]
    public void Keeps_the_levels_no_other_beats_on_size_and_speed()
    {
        var levels = new[] { Level("big-fast", 100, 50), Level("small-slow", 10, 20), Level("big-slow", 100, 10), Level("mid", 50, 30) };

        Assert.Equal(["big-fast", "small-slow", "mid"], ParetoFrontier.Of(levels).Select(l => l.Label));
    }

    [Fact]
    public void Equal_levels_do_not_dominate_each_other()
    {
        var levels = new[] { Level("a", 10, 20), Level("b", 10, 20) };

        Assert.Equal(2, ParetoFrontier.Of(levels).Length);
    }

    [Fact]
    public void A_better_kld_rescues_a_bigger_slower_level_only_when_every_level_has_quality()
    {
        var withQuality = new[] { Level("precise", 100, 10, 0.001), Level("lossy", 10, 50, 0.3) };
        var partial = new[] { Level("precise", 100, 10, 0.001), Level("lossy", 10, 50) };

        Assert.Equal(2, ParetoFrontier.Of(withQuality).Length);
        Assert.Equal(["lossy"], ParetoFrontier.Of(partial).Select(l => l.Label));
    }
}
