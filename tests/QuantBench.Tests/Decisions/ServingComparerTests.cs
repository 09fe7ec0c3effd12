using System.Collections.Immutable;
using QuantBench.Decisions;
using QuantBench.Serving;
using QuantBench.Statistics;
using static QuantBench.Tests.Decisions.TestRuns;
using static QuantBench.Tests.Decisions.TestServing;

namespace QuantBench.Tests.Decisions;

public sealed class ServingComparerTests
{
    private static ServedLevel Level(string? name, string? path, params ServingPoint[] points) => new(name, path, [.. points]);

    private static FigureComparison Figure(RunComparison c, string label, string figure) =>
        c.Models.Single(m => m.Label == label).Figures.Single(f => f.Figure == figure);

    [Fact]
    public void Two_sweeps_are_compared_point_by_point_with_tests_on_the_samples()
    {
        var old = Level(null, null, Point(1, 100, 20), Point(4, 150, 30), Point(8, 400, 60));
        var @new = Level(null, null, Point(1, 100, 10), Point(4, 150, 30, failed: 2), Point(16, 900, 90));

        var c = ServingComparer.Compare([old], [@new], ["server differs"], "a", "b");

        Assert.Equal(["c=1", "c=4"], c.Models.Select(m => m.Label));
        Assert.Equal("faster", Figure(c, "c=1", "TPOT").Verdict);
        Assert.Equal(0.5, Figure(c, "c=1", "TPOT").Ratio, 2);
        Assert.Equal("faster", Figure(c, "c=1", "ITL (per request)").Verdict);
        Assert.Equal("no significant difference", Figure(c, "c=1", "TTFT").Verdict);
        Assert.Null(Figure(c, "c=1", "output tok/s").Estimate);                      // one value per point
        Assert.Equal("failed requests: 0 of 8 (old), 2 of 8 (new)", c.Models.Single(m => m.Label == "c=4").Note);
        Assert.Equal(["c=8"], c.OnlyInOld.ToArray());
        Assert.Equal(["c=16"], c.OnlyInNew.ToArray());
        Assert.Equal(["server differs"], c.ConditionWarnings.ToArray());
    }

    [Fact]
    public void Launched_levels_are_paired_by_label_then_file_name()
    {
        ServedLevel[] old = [Level("Q8_0", "/a/small-Q8_0.gguf", Point(1, 100, 20)), Level("Q4_0", "/a/small-Q4_0.gguf", Point(1, 80, 12)), Level("F16", "/a/f16.gguf", Point(1, 1, 1))];
        ServedLevel[] @new = [Level("small-Q4_0", "/b/small-Q4_0.gguf", Point(1, 80, 24)), Level("Q8_0", "/b/other.gguf", Point(1, 100, 20))];

        var c = ServingComparer.Compare(old, @new, [], "a", "b");

        Assert.Equal(["small-Q4_0 c=1", "Q8_0 c=1"], c.Models.Select(m => m.Label));
        Assert.Equal("file name", c.Models[0].MatchedBy);
        Assert.Equal("Q4_0 c=1", c.Models[0].OldLabel);
        Assert.Equal("slower", Figure(c, "small-Q4_0 c=1", "TPOT").Verdict);
        Assert.Equal(["F16"], c.OnlyInOld.ToArray());
    }

    [Fact]
    public void An_in_process_run_meets_the_served_single_stream_on_the_same_file()
    {
        var run = Run(Model("Q4_0", 1000, 4.5, ttftMs: 100, tpotMs: 20, path: "/m/small-Q4_0.gguf"),
            Model("Q8_0", 2000, 8.5, ttftMs: 120, tpotMs: 30, path: "/m/renamed.gguf", sha256: "ABC"),
            Model("F16", 4000, 16, ttftMs: 200, tpotMs: 50, path: "/m/f16.gguf"));
        ServedLevel[] served =
        [
            Level("q8", "/srv/q8.gguf", Point(1, 130, 30), Point(4, 300, 40)),
            Level("small-Q4_0", "/srv/small-Q4_0.gguf", Point(1, 110, 10), Point(4, 200, 15)),
        ];

        var c = ServingComparer.CompareWithRun(run, served, runIsOld: true, [], "run", "serve", path => path == "/srv/q8.gguf" ? "abc" : null);

        var q4 = c.Models.Single(m => m.OldLabel == "Q4_0");
        Assert.Equal("file name", q4.MatchedBy);
        Assert.Equal("small-Q4_0 (served, c=1)", q4.Label);
        Assert.Equal(["TTFT", "TPOT", "tg t/s"], q4.Figures.Select(f => f.Figure));
        Assert.Equal(0.5, q4.Figures.Single(f => f.Figure == "TPOT").Ratio, 2);
        Assert.Equal(2.0, q4.Figures.Single(f => f.Figure == "tg t/s").Ratio, 2);
        Assert.Equal("faster", q4.Figures.Single(f => f.Figure == "tg t/s").Verdict);
        Assert.Equal("sha256", c.Models.Single(m => m.OldLabel == "Q8_0").MatchedBy);
        Assert.Equal(["F16"], c.OnlyInOld.ToArray());
        Assert.Empty(c.OnlyInNew);

        var reversed = ServingComparer.CompareWithRun(run, served, runIsOld: false, [], "serve", "run", _ => null);

        var back = reversed.Models.Single(m => m.Label == "Q4_0");
        Assert.Equal(2.0, back.Figures.Single(f => f.Figure == "TPOT").Ratio, 2);         // the run is now the new side
        Assert.Equal(["q8"], reversed.OnlyInOld.ToArray());
        Assert.Equal(["Q8_0", "F16"], reversed.OnlyInNew.ToArray());
    }
}
