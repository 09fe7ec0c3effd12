using QuantBench.Charts.Data;
using QuantBench.Charts.Html;
using QuantBench.Results;

namespace QuantBench.Tests.Charts;

public sealed class LevelSentencesTests
{
    [Fact]
    public void Each_level_is_compared_with_the_baseline_by_size_and_decode_rate()
    {
        var run = SampleRuns.Ladder();
        var sentences = LevelSentences.For(run, ChartData.From(run));

        Assert.Equal(3, sentences.Length);
        Assert.StartsWith("F32 is the baseline: 400.0 MiB, ", sentences[0], StringComparison.Ordinal);
        Assert.Equal("Q8_0: 3.77x smaller, 2.00x faster decode than F32.", sentences[1]);
        Assert.Equal("Q4_K_M: 6.67x smaller, 3.00x faster decode than F32.", sentences[2]);
    }

    [Fact]
    public void A_level_slower_than_the_baseline_is_called_slower_not_a_fraction_faster()
    {
        var run = SampleRuns.Run(SampleRuns.Level("F16", 200L << 20, 16, 10, 10), SampleRuns.Level("IQ2", 50L << 20, 2.5, 10, 20));

        Assert.Equal("IQ2: 4.00x smaller, 2.00x slower decode than F16.", LevelSentences.For(run, ChartData.From(run))[1]);
    }

    [Fact]
    public void Quality_is_added_when_measured_and_a_failure_says_why()
    {
        var run = SampleRuns.Ladder() with { Models = [.. SampleRuns.Ladder().Models, ModelResult.Failed(new ModelDescriptor { Path = "/m/x.gguf", Label = "IQ1_S" }, "out of memory")] };
        var data = ChartData.From(run) with { QualityMetric = "KLD", QualityPoints = [new QualityPoint("Q4_K_M", 60L << 20, 0.0312)] };

        var sentences = LevelSentences.For(run, data);

        Assert.Equal("Q4_K_M: 6.67x smaller, 3.00x faster decode than F32, KLD 0.0312.", sentences[2]);
        Assert.Equal("IQ1_S: failed (out of memory).", sentences[3]);
    }

    [Fact]
    public void A_level_measured_without_latency_is_not_called_failed_and_gives_its_task_accuracy()
    {
        var level = SampleRuns.Level("Q8_0", 106L << 20, 8.5, 10, 10) with
        {
            Latency = null,
            Tasks =
            [
                new QuantBench.Tasks.TaskAccuracy
                {
                    Kind = QuantBench.Tasks.TaskKind.Winogrande,
                    FileName = "w.csv",
                    AvailableTasks = 4,
                    Outcomes = [.. new[] { true, true, true, false }.Select((c, i) => new QuantBench.Tasks.TaskOutcome(i, 0, c, []))],
                },
            ],
        };

        var sentence = Assert.Single(LevelSentences.For(SampleRuns.Run(level), ChartData.From(SampleRuns.Run(level))));

        Assert.Equal("Q8_0: 106.0 MiB, latency not measured; task accuracy w.csv 75.0 %.", sentence);
    }
}
