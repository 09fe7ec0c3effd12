using QuantBench.Statistics;

namespace QuantBench.Tests.Statistics;

public sealed class StoppingRuleTests
{
    private static readonly TimeSpan OneSecond = TimeSpan.FromSeconds(1);
    private static readonly double[] Noisy = [100, 150, 80, 130, 90];

    [Fact]
    public void Identical_samples_stop_exactly_at_min_runs_with_target_met()
    {
        var rule = new StoppingRule();

        var before = rule.Evaluate([100, 100, 100, 100], OneSecond);
        var at = rule.Evaluate([100, 100, 100, 100, 100], OneSecond);

        Assert.Equal(StoppingReason.Continue, before.Reason);
        Assert.False(before.ShouldStop);
        Assert.Equal(StoppingReason.TargetMet, at.Reason);
        Assert.True(at.ShouldStop);
        Assert.True(at.TargetMet);
    }

    [Fact]
    public void Noisy_samples_keep_going()
    {
        var decision = new StoppingRule().Evaluate(Noisy, OneSecond);

        Assert.False(decision.ShouldStop);
        Assert.Equal(StoppingReason.Continue, decision.Reason);
        Assert.False(decision.TargetMet);
    }

    [Theory]
    // sd = sqrt(2/4) = 0.7071, t(0.995, 4) = 4.6041 -> half-width 1.456 = 1.46% of the median 100: met.
    [InlineData(new double[] { 100, 101, 99, 100, 100 }, true)]
    // sd = sqrt(8/4) = 1.4142 -> half-width 2.912 = 2.91% of the median: not met.
    [InlineData(new double[] { 100, 102, 98, 100, 100 }, false)]
    public void Target_is_two_percent_half_width_of_the_median_at_99_percent(double[] samples, bool met)
    {
        var decision = new StoppingRule().Evaluate(samples, OneSecond);

        Assert.Equal(met, decision.TargetMet);
        Assert.Equal(met ? StoppingReason.TargetMet : StoppingReason.Continue, decision.Reason);
        Assert.Equal(met ? 0.01456 : 0.02912, decision.RelativeHalfWidth, 4);
    }

    [Fact]
    public void Max_runs_stops_a_sample_that_never_gets_precise()
    {
        double[] alternating = [.. Enumerable.Range(0, 100).Select(i => i % 2 == 0 ? 50.0 : 150.0)];

        var decision = new StoppingRule().Evaluate(alternating, OneSecond);

        Assert.True(decision.ShouldStop);
        Assert.Equal(StoppingReason.MaxRuns, decision.Reason);
        Assert.False(decision.TargetMet);
        Assert.Equal(100, decision.Runs);
    }

    [Fact]
    public void Max_duration_stops_even_before_min_runs()
    {
        var decision = new StoppingRule().Evaluate([100, 150], TimeSpan.FromSeconds(60));

        Assert.True(decision.ShouldStop);
        Assert.Equal(StoppingReason.MaxDuration, decision.Reason);
        Assert.False(decision.TargetMet);
    }

    [Fact]
    public void Met_target_is_reported_even_when_a_bound_is_also_reached()
    {
        var decision = new StoppingRule { MaxRuns = 5 }.Evaluate([100, 100, 100, 100, 100], TimeSpan.FromMinutes(5));

        Assert.Equal(StoppingReason.TargetMet, decision.Reason);
    }

    [Fact]
    public void Invalid_settings_are_all_reported_at_once()
    {
        var rule = new StoppingRule { MinRuns = 1, MaxRuns = 0, TargetRelativeHalfWidth = 0 };

        var error = Assert.Throws<ArgumentException>(() => rule.Evaluate([1, 2], OneSecond));

        Assert.Equal(3, rule.Validate().Count);
        Assert.Contains("MinRuns", error.Message);
        Assert.Contains("MaxRuns", error.Message);
        Assert.Contains("TargetRelativeHalfWidth", error.Message);
    }
}
