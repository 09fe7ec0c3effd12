using QuantBench.Running;
using QuantBench.Settings;

namespace QuantBench.Tests.Running;

public sealed class BenchmarkSettingsTests
{
    [Fact]
    public void Defaults_are_valid_and_match_the_documented_request_shape()
    {
        var settings = new BenchmarkSettings();
        Assert.Empty(settings.Validate());
        Assert.Equal((128, 64), (settings.PromptTokens, settings.OutputTokens));
        Assert.Null(settings.WarmupRequests); // adaptive
        Assert.Null(settings.MeasuredRequests); // adaptive
        Assert.Equal((5, 100, 60.0, 0.02), (settings.Stopping.MinRuns, settings.Stopping.MaxRuns, settings.Stopping.MaxDuration.TotalSeconds, settings.Stopping.TargetRelativeHalfWidth));
        Assert.Equal(256, settings.EffectiveContextSize);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var problems = new BenchmarkSettings { PromptTokens = 0, OutputTokens = 1, Threads = 0, MeasuredRequests = 0 }.Validate();
        Assert.Equal(4, problems.Count);
    }

    [Fact]
    public void A_context_smaller_than_the_request_is_rejected()
    {
        Assert.Contains(new BenchmarkSettings { ContextSize = 100 }.Validate(), p => p.Contains("context size 100"));
    }
}
