using QuantBench.Decisions;
using QuantBench.Results;
using QuantBench.Tasks;
using static QuantBench.Tests.Decisions.TestRuns;

namespace QuantBench.Tests.Decisions;

public sealed class RecommenderTests
{
    private const long MiB = 1024 * 1024;

    // A ladder where smaller is faster, as on a memory-bound CPU.
    private static RunResult Ladder() => Run(
        Model("F16", 800 * MiB, 16.0, ttftMs: 400, tpotMs: 100, peakResidentBytes: 900 * MiB),
        Model("Q8_0", 420 * MiB, 8.5, ttftMs: 250, tpotMs: 55, peakResidentBytes: 500 * MiB),
        Model("Q4_K_M", 240 * MiB, 4.9, ttftMs: 200, tpotMs: 33, peakResidentBytes: 320 * MiB),
        Model("Q2_K", 150 * MiB, 3.2, ttftMs: 180, tpotMs: 25, peakResidentBytes: 230 * MiB));

    private static readonly Dictionary<string, double> Kld = new() { ["F16"] = 0.0001, ["Q8_0"] = 0.001, ["Q4_K_M"] = 0.03, ["Q2_K"] = 0.4 };

    [Fact]
    public void Chooses_the_most_precise_level_within_the_memory_limit()
    {
        var r = Recommender.Recommend(Ladder(), new RecommendationConstraints { MaxMemoryBytes = 600 * MiB });

        Assert.Equal("Q8_0", r.Choice?.Label);
        Assert.Equal(["Q8_0", "Q4_K_M", "Q2_K"], r.Feasible.Select(l => l.Label));
        Assert.Contains("peak RSS", Assert.Single(r.Levels.Single(l => l.Level.Label == "F16").Violations), StringComparison.Ordinal);
        Assert.StartsWith("Q8_0: the most bits per weight", r.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_constraint_must_hold_at_once()
    {
        var r = Recommender.Recommend(Ladder(), new RecommendationConstraints
        {
            MaxMemoryBytes = 600 * MiB,
            MinDecodeTokensPerSecond = 25, // Q8_0 decodes at 1000/55 = 18 t/s
            MaxTtftMs = 210,
            MaxSizeBytes = 300 * MiB,
        });

        Assert.Equal("Q4_K_M", r.Choice?.Label);
        var q8 = r.Levels.Single(l => l.Level.Label == "Q8_0");
        Assert.Equal(3, q8.Violations.Length); // decode, TTFT and size, not memory
        Assert.Contains(q8.Violations, v => v.StartsWith("decode 18.2 t/s < 25.0 t/s", StringComparison.Ordinal));
    }

    [Fact]
    public void Nothing_fits_gives_no_choice_and_names_the_closest_level()
    {
        var r = Recommender.Recommend(Ladder(), new RecommendationConstraints { MaxMemoryBytes = 100 * MiB, MinDecodeTokensPerSecond = 35 });

        Assert.Null(r.Choice);
        Assert.Empty(r.Feasible);
        Assert.StartsWith("No level meets every constraint. The closest is Q2_K", r.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void No_constraint_gives_the_pareto_set_and_no_single_choice()
    {
        // Q2_K trades nothing away here (smallest and fastest), so it alone is Pareto-optimal.
        var r = Recommender.Recommend(Ladder(), RecommendationConstraints.None);

        Assert.Null(r.Choice);
        Assert.StartsWith("No constraint given", r.Reason, StringComparison.Ordinal);
        Assert.Equal(["Q2_K"], r.ParetoSet.Select(l => l.Label)); // Q2_K is both smallest and fastest here
        Assert.All(r.Levels, l => Assert.True(l.MeetsAll));
    }

    [Fact]
    public void Max_kld_is_ignored_with_a_warning_when_quality_was_not_measured()
    {
        var r = Recommender.Recommend(Ladder(), new RecommendationConstraints { MaxKld = 0.05, MaxMemoryBytes = 600 * MiB });

        Assert.Contains("--max-kld is ignored", Assert.Single(r.Warnings), StringComparison.Ordinal);
        Assert.Null(r.Constraints.MaxKld);
        Assert.False(r.QualityMeasured);
        Assert.Equal("Q8_0", r.Choice?.Label);
    }

    [Fact]
    public void With_a_quality_limit_the_fastest_level_within_it_is_chosen()
    {
        var r = Recommender.Recommend(Ladder(), new RecommendationConstraints { MaxKld = 0.05 }, m => Kld[m.Model.Label]);

        Assert.True(r.QualityMeasured);
        Assert.Empty(r.Warnings);
        Assert.Equal("Q4_K_M", r.Choice?.Label); // Q2_K is faster but misses the KLD limit
        Assert.Contains("KLD 0.4 > 0.05", Assert.Single(r.Levels.Single(l => l.Level.Label == "Q2_K").Violations), StringComparison.Ordinal);
    }

    [Fact]
    public void Quality_joins_the_pareto_objectives_when_every_level_has_it()
    {
        var r = Recommender.Recommend(Ladder(), RecommendationConstraints.None, m => Kld[m.Model.Label]);

        // Each bigger level buys a lower KLD, so none is dominated.
        Assert.Equal(["F16", "Q8_0", "Q4_K_M", "Q2_K"], r.ParetoSet.Select(l => l.Label));
    }

    [Fact]
    public void Failed_models_are_excluded_and_said_so()
    {
        var run = Ladder();
        run = run with { Models = run.Models.Add(ModelResult.Failed(new ModelDescriptor { Path = "/m/bad.gguf", Label = "bad" }, "llama.cpp could not load it")) };

        var r = Recommender.Recommend(run, new RecommendationConstraints { MaxSizeBytes = 1024 * MiB });

        Assert.DoesNotContain(r.Levels, l => l.Level.Label == "bad");
        Assert.Equal("bad: failed (llama.cpp could not load it)", Assert.Single(r.Excluded));
        Assert.Equal("F16", r.Choice?.Label);
    }

    [Fact]
    public void A_constraint_on_an_unmeasured_figure_is_a_miss()
    {
        var level = new LevelFigures { Label = "X", FileBytes = 10, BitsPerWeight = 4 };

        var r = Recommender.Recommend([level], new RecommendationConstraints { MaxMemoryBytes = 1000, MinDecodeTokensPerSecond = 1 });

        Assert.Equal(["peak memory not measured", "decode rate not measured"], r.Levels[0].Violations.ToArray());
        Assert.Null(r.Choice);
    }

    [Fact]
    public void Report_section_lists_every_level_and_the_pareto_set()
    {
        string section = RecommendationSection.Render(Ladder());

        Assert.StartsWith("## Recommendation", section, StringComparison.Ordinal);
        Assert.Contains("Constraints: none.", section, StringComparison.Ordinal);
        Assert.Contains("| Q4_K_M | 240.0 MiB | 4.90 | 320.0 MiB | 200.00 | 30.3 | n/a | yes |", section, StringComparison.Ordinal);
        Assert.Contains("decode rate (no quality figure, so quality is not weighed): Q2_K.", section, StringComparison.Ordinal);
    }

    // Ten HellaSwag tasks per level; the baseline (F16) gets the first eight right.
    private static RunResult LadderWithTasks() => Run(
        WithTasks(Model("F16", 800 * MiB, 16.0, ttftMs: 400, tpotMs: 100), "1111111100"),
        WithTasks(Model("Q8_0", 420 * MiB, 8.5, ttftMs: 250, tpotMs: 55), "1111111010"),
        WithTasks(Model("Q4_K_M", 240 * MiB, 4.9, ttftMs: 200, tpotMs: 33), "1111110100"),
        WithTasks(Model("Q2_K", 150 * MiB, 3.2, ttftMs: 180, tpotMs: 25), "1100000011"));

    private static ModelResult WithTasks(ModelResult model, string correct) => model with
    {
        Tasks =
        [
            new TaskAccuracy
            {
                Kind = TaskKind.HellaSwag,
                FileName = "h.txt",
                AvailableTasks = correct.Length,
                Outcomes = [.. correct.Select((c, i) => new TaskOutcome(i, c == '1' ? 0 : 1, c == '1', []))],
            },
        ],
    };

    [Fact]
    public void Min_accuracy_keeps_the_levels_that_reach_it_and_speed_decides_among_them()
    {
        var r = Recommender.Recommend(LadderWithTasks(), new RecommendationConstraints { MinAccuracy = [TaskLimit.Parse("hellaswag=0.7")] });

        Assert.Equal(["F16", "Q8_0", "Q4_K_M"], r.Feasible.Select(l => l.Label));
        Assert.Equal("Q4_K_M", r.Choice?.Label);
        Assert.StartsWith("Q4_K_M: the fastest decode", r.Reason, StringComparison.Ordinal);
        Assert.Equal("h.txt (HellaSwag) accuracy 40.0 % < 70.0 %", Assert.Single(r.Levels.Single(l => l.Level.Label == "Q2_K").Violations));
    }

    [Fact]
    public void Max_accuracy_drop_pairs_each_level_with_the_most_precise_model_on_the_same_tasks()
    {
        // Q8_0 loses task 7 and gains task 8: no drop. Q4_K_M loses task 6: a drop of 1/10 (at the limit).
        // Q2_K loses 2..7 and gains 8 and 9: a drop of 4/10.
        var r = Recommender.Recommend(LadderWithTasks(), new RecommendationConstraints { MaxAccuracyDrop = [TaskLimit.Parse("h.txt=10%")] });

        var figures = r.Levels.ToDictionary(l => l.Level.Label, l => l.Level.Tasks.Single().Drop);
        Assert.Equal(0.0, figures["F16"]);
        Assert.Equal(0.0, figures["Q8_0"]);
        Assert.Equal(0.1, figures["Q4_K_M"]!.Value, 12);
        Assert.Equal(0.4, figures["Q2_K"]!.Value, 12);
        Assert.Equal(["F16", "Q8_0", "Q4_K_M"], r.Feasible.Select(l => l.Label));
        Assert.Equal("h.txt (HellaSwag) accuracy -40.0 pts against the baseline, a drop > 10.0 pts", Assert.Single(r.Levels.Single(l => l.Level.Label == "Q2_K").Violations));
        Assert.Equal("Q4_K_M", r.Choice?.Label);
    }

    [Fact]
    public void An_accuracy_limit_on_a_task_no_level_scored_is_a_miss_for_every_level()
    {
        var r = Recommender.Recommend(LadderWithTasks(), new RecommendationConstraints { MinAccuracy = [TaskLimit.Parse("winogrande=0.5")] });

        Assert.Null(r.Choice);
        Assert.All(r.Levels, l => Assert.Equal("winogrande accuracy not measured", Assert.Single(l.Violations)));
    }

    [Fact]
    public void A_run_that_only_scored_tasks_is_considered_and_size_decides()
    {
        var run = LadderWithTasks();
        run = run with { Models = [.. run.Models.Select(m => m with { Latency = null })] };

        var r = Recommender.Recommend(run, new RecommendationConstraints { MinAccuracy = [TaskLimit.Parse("hellaswag=0.7")] });

        Assert.Empty(r.Excluded);
        Assert.Equal("Q4_K_M", r.Choice?.Label);
        Assert.StartsWith("Q4_K_M: the smallest file", r.Reason, StringComparison.Ordinal);
        Assert.Contains("| h.txt 70.0 % (-10.0 pts) |", RecommendationSection.Render(r), StringComparison.Ordinal);
        Assert.Contains("hellaswag accuracy ≥ 70.0 %", RecommendationSection.Describe(r.Constraints), StringComparison.Ordinal);
    }
}
