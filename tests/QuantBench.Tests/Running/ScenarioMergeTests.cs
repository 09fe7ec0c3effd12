using QuantBench.Quality;
using QuantBench.Results;
using QuantBench.Running;
using QuantBench.Settings;

namespace QuantBench.Tests.Running;

public sealed class ScenarioMergeTests
{
    private static readonly ModelDescriptor Model = new() { Path = "/m/a.gguf", Label = "a" };

    private static readonly QualityResult Quality = new()
    {
        SourceDescription = "test",
        ContextTokens = 8,
        Chunks = 1,
        ScoredTokens = 4,
        Perplexity = new PerplexityResult(10, 1, Math.Log(10), 0.1, 4),
    };

    [Fact]
    public void A_failed_scenario_fails_the_model_but_keeps_what_the_others_measured()
    {
        var merged = ScenarioMerge.Add(new ModelResult { Model = Model, LoadTimeMs = 12 }, Scenario.Latency, new ModelResult { Model = Model, LoadTimeMs = 12 });
        merged = ScenarioMerge.Add(merged, Scenario.Quality, ModelResult.Failed(Model, "the store is gone"));

        Assert.Equal(ModelStatus.Failed, merged.Status);
        Assert.Equal("Quality: the store is gone", merged.Failure);
        Assert.Equal(12, merged.LoadTimeMs);
    }

    [Fact]
    public void Quality_measured_before_latency_survives_the_latency_merge()
    {
        var merged = ScenarioMerge.Add(new ModelResult { Model = Model }, Scenario.Quality, new ModelResult { Model = Model, Quality = Quality });
        merged = ScenarioMerge.Add(merged, Scenario.Latency, new ModelResult { Model = Model, LoadTimeMs = 5 });

        Assert.Same(Quality, merged.Quality);
        Assert.Equal(5, merged.LoadTimeMs);
        Assert.Equal(ModelStatus.Succeeded, merged.Status);
    }

    [Fact]
    public void The_baselines_kld_is_zero_and_an_unmeasured_models_is_unknown()
    {
        Assert.Equal(0.0, QuantBench.Decisions.QualityFigures.MeanKld(new ModelResult { Model = Model, Quality = Quality }));
        Assert.Null(QuantBench.Decisions.QualityFigures.MeanKld(new ModelResult { Model = Model }));
    }

    [Fact]
    public void A_model_that_cannot_be_compared_keeps_its_other_figures_and_says_why()
    {
        var merged = ScenarioMerge.Add(new ModelResult { Model = Model }, Scenario.Latency, new ModelResult { Model = Model, LoadTimeMs = 5, Warnings = ["noisy"] });
        merged = ScenarioMerge.Add(merged, Scenario.Quality, new ModelResult { Model = Model, Warnings = ["quality not measured: another vocabulary"] });

        Assert.Equal(ModelStatus.Succeeded, merged.Status);
        Assert.Null(merged.Quality);
        Assert.Equal(["noisy", "quality not measured: another vocabulary"], merged.Warnings.ToArray());
    }

    [Fact]
    public void Task_files_scored_before_a_failing_one_are_kept()
    {
        var scored = new QuantBench.Tasks.TaskAccuracy
        {
            Kind = QuantBench.Tasks.TaskKind.HellaSwag,
            FileName = "h.txt",
            AvailableTasks = 1,
            Outcomes = [new QuantBench.Tasks.TaskOutcome(0, 0, true, [])],
        };
        var failed = ModelResult.Failed(Model, "mc.bin, task 3: 5 choices need 5 sequences") with { Tasks = [scored] };

        var merged = ScenarioMerge.Add(new ModelResult { Model = Model, LoadTimeMs = 5 }, Scenario.Tasks, failed);

        Assert.Equal(ModelStatus.Failed, merged.Status);
        Assert.Same(scored, Assert.Single(merged.Tasks));
        Assert.Equal(5, merged.LoadTimeMs);
    }
}
