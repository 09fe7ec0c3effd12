using QuantBench.Reports;
using QuantBench.Results;
using QuantBench.Statistics;
using QuantBench.Tests.Charts;

namespace QuantBench.Tests.Reports;

public sealed class NoiseTableTests
{
    // Twenty evenly spread values within 0.2 % of each other: no threshold is near.
    private static SampleStatistics Clean(double median) => SampleStatistics.From([.. Enumerable.Range(0, 20).Select(i => median * (1 + 0.0001 * i))]);

    private static ModelResult Model(string label, SampleStatistics? endToEnd = null, SampleStatistics? ttft = null, SampleStatistics? tpot = null, StoppingOutcome? stopping = null)
    {
        var level = SampleRuns.Level(label, 100L << 20, 8, 10, 10);
        return level with
        {
            Latency = level.Latency! with
            {
                EndToEndMs = endToEnd ?? Clean(80),
                TimeToFirstTokenMs = ttft ?? Clean(10),
                TimePerOutputTokenMs = tpot ?? Clean(10),
                Stopping = stopping,
            },
        };
    }

    [Fact]
    public void A_clean_run_has_no_rows_and_report_md_no_noise_section()
    {
        var run = SampleRuns.Run(Model("F32"), Model("Q8_0"));

        Assert.Empty(NoiseTable.From(run).Rows);
        Assert.DoesNotContain("## Noise", MarkdownExporter.Render(run), StringComparison.Ordinal);
    }

    [Fact]
    public void Only_the_figure_with_a_problem_gets_a_row_and_only_its_offending_values_are_marked()
    {
        var withOutlier = SampleStatistics.From([.. Enumerable.Range(0, 19).Select(i => 10 * (1 + 0.0001 * i)), 30]);
        var run = SampleRuns.Run(Model("F32"), Model("Q4_K_M", ttft: withOutlier));

        var row = Assert.Single(NoiseTable.From(run).Rows);

        Assert.Equal(["Q4_K_M", "TTFT"], row.Take(2).Select(c => c.Text));
        Assert.Equal("1 (0/1)", row[5].Text);
        Assert.True(row[5].Offending);
        Assert.False(row[2].Offending);
        Assert.False(row[6].Offending);
    }

    [Fact]
    public void Too_few_samples_marks_the_count_and_nothing_else()
    {
        var two = SampleStatistics.From([10.0, 30.0]);
        var row = Assert.Single(NoiseTable.From(SampleRuns.Run(Model("F32", tpot: two))).Rows);

        Assert.Equal(["F32", "TPOT", "2"], row.Take(3).Select(c => c.Text));
        Assert.Equal([true, false, false, false, false], row.Skip(2).Select(c => c.Offending));
    }

    [Fact]
    public void The_end_to_end_interval_is_judged_against_the_stopping_rules_target()
    {
        var spread = SampleStatistics.From([.. Enumerable.Range(0, 20).Select(i => 80 * (1 + 0.007 * i))]);
        Assert.InRange(spread.RelativeHalfWidth, 0.02, 0.05);
        var met = new StoppingOutcome(true, StoppingReason.TargetMet, 20, spread.RelativeHalfWidth, 0.05, TargetMet: true);
        var missed = met with { TargetRelativeHalfWidth = 0.01, TargetMet = false };

        Assert.Empty(NoiseTable.From(SampleRuns.Run(Model("F32", endToEnd: spread, stopping: met))).Rows);
        var row = Assert.Single(NoiseTable.From(SampleRuns.Run(Model("F32", endToEnd: spread, stopping: missed))).Rows);
        Assert.Equal("ms/request", row[1].Text);
        Assert.True(row[4].Offending);
        Assert.EndsWith("(1.0 % target)", row[4].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_md_shows_the_table_with_bold_offenders_and_advice_and_keeps_other_warnings_as_bullets()
    {
        var two = SampleStatistics.From([10.0, 30.0]);
        var noisy = Model("Q4_K_M", tpot: two);
        noisy = noisy with { Warnings = [.. QuantBench.Latency.LatencyWarnings.For(noisy.Latency!), "quality not measured: the baseline could not be evaluated"] };
        Assert.Contains(noisy.Warnings, w => w.StartsWith("TPOT: Only 2 sample(s)", StringComparison.Ordinal));

        string markdown = MarkdownExporter.Render(SampleRuns.Run(Model("F32"), noisy));

        Assert.Contains("| Q4_K_M | TPOT | **2** |", markdown, StringComparison.Ordinal);
        Assert.Contains(NoiseTable.Advice, markdown, StringComparison.Ordinal);
        Assert.Contains("- Q4_K_M: quality not measured", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("TPOT: Only 2 sample(s)", markdown, StringComparison.Ordinal);
    }
}
