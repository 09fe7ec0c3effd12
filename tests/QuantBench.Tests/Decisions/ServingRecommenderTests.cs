using QuantBench.Decisions;
using QuantBench.Serving;
using static QuantBench.Tests.Decisions.TestServing;

namespace QuantBench.Tests.Decisions;

public sealed class ServingRecommenderTests
{
    private const long MiB = 1024 * 1024;

    // Points of 8 requests sent 250 ms apart: about 4 requests/s when all meet the objective.
    private static ServedLevel Level(string name, long sizeMiB, long peakMiB, double ttftMs, double tpotMs) =>
        new(name, $"/m/{name}.gguf", [Point(1, ttftMs / 2, tpotMs / 2, gapMs: 250), Point(4, ttftMs, tpotMs, gapMs: 250)])
        {
            FileBytes = sizeMiB * MiB,
            PeakResidentBytes = peakMiB * MiB,
        };

    private static readonly ServedLevel[] Ladder =
    [
        Level("F16", 4000, 4500, ttftMs: 150, tpotMs: 45),
        Level("Q8_0", 2000, 2400, ttftMs: 120, tpotMs: 30),
        Level("Q4_0", 1000, 1300, ttftMs: 100, tpotMs: 20),
        Level("Q2_K", 700, 900, ttftMs: 400, tpotMs: 60),     // misses the default objective at c=4, meets it at c=1
    ];

    [Fact]
    public void The_smallest_level_meeting_the_rate_and_memory_is_chosen()
    {
        var constraints = new ServingConstraints { Objective = ServiceLevelObjective.Default, AtRequestsPerSecond = 3, MaxMemoryBytes = 3000 * MiB };

        var r = ServingRecommender.Recommend(Ladder, constraints);

        Assert.Equal("Q4_0", r.Choice?.Level.Level);
        Assert.Contains("smallest file", r.Reason);                                                // Q8_0 qualifies too
        Assert.True(r.Levels.Single(l => l.Level.Level == "Q8_0").MeetsAll);
        Assert.Equal("c=1", r.Levels.Single(l => l.Level.Level == "Q2_K").GoodputLoad);           // only c=1 meets the objective
        Assert.Contains(r.Levels.Single(l => l.Level.Level == "F16").Violations, v => v.StartsWith("peak RSS", StringComparison.Ordinal));
        Assert.Contains(r.Levels.Single(l => l.Level.Level == "Q2_K").Violations, v => v.StartsWith("goodput", StringComparison.Ordinal));
        Assert.Equal(100, r.Levels.Single(l => l.Level.Level == "Q4_0").DecodeTokensPerSecond!.Value, 0);   // 1000 / TPOT 10 ms at c=1 (median of jittered requests)
    }

    [Fact]
    public void Goodput_is_recomputed_under_the_objective_asked_for()
    {
        var strict = new ServingConstraints { Objective = new ServiceLevelObjective(null, 8, null), AtRequestsPerSecond = 3 };

        var r = ServingRecommender.Recommend(Ladder, strict);

        Assert.Null(r.Choice);                                      // no level keeps TPOT under 8 ms
        Assert.StartsWith("No level meets every constraint", r.Reason, StringComparison.Ordinal);
        Assert.All(r.Levels, l => Assert.False(l.MeetsAll));
    }

    [Fact]
    public void A_failed_level_is_excluded_and_an_unmeasured_figure_is_a_miss()
    {
        ServedLevel[] ladder = [new("broken", "/m/broken.gguf", []) { Failure = "server exited at once" }, Ladder[2] with { PeakResidentBytes = null }];

        var r = ServingRecommender.Recommend(ladder, new ServingConstraints { Objective = ServiceLevelObjective.Default, MaxMemoryBytes = 8000 * MiB });

        Assert.Equal(["broken: server exited at once"], r.Excluded.ToArray());
        Assert.Equal(["server memory not measured"], r.Levels.Single().Violations.ToArray());
        Assert.Null(r.Choice);
    }
}
