using QuantBench.Results;
using QuantBench.Running;
using QuantBench.Settings;

namespace QuantBench.Tests.Results;

public sealed class BaselinePolicyTests
{
    private static ModelDescriptor Model(string label, double bitsPerWeight) =>
        new() { Path = "/m/" + label + ".gguf", Label = label, BitsPerWeight = bitsPerWeight };

    private static readonly ModelDescriptor F16 = Model("F16", 16);
    private static readonly ModelDescriptor Q8 = Model("Q8_0", 8.5);
    private static readonly ModelDescriptor Q4 = Model("Q4_0", 4.5);

    private static ModelResult Succeeded(ModelDescriptor model) => new() { Model = model };

    private static RunResult Run(string? baselinePath, params ModelResult[] models) => new()
    {
        ToolVersion = "t",
        StartedUtc = DateTimeOffset.UnixEpoch,
        Settings = new BenchmarkSettings { Quality = new QualitySettings { BaselinePath = baselinePath } },
        Models = [.. models],
    };

    [Fact]
    public void Without_a_choice_the_most_bits_per_weight_is_the_baseline_and_the_first_wins_a_tie()
    {
        var policy = new BaselinePolicy();

        Assert.Same(F16, policy.Pick([Q4, F16, Q8]));
        Assert.Same(Q8, policy.Pick([Q4, Q8, Q8 with { Path = "/m/other.gguf" }]));
        Assert.Equal(BaselinePolicy.MostBitsPerWeight, policy.Reason(F16));
        Assert.Null(policy.Pick(Array.Empty<ModelDescriptor>()));
    }

    [Fact]
    public void The_chosen_model_is_the_baseline_when_it_is_among_the_candidates()
    {
        var policy = new BaselinePolicy(Q8.Path);

        Assert.Same(Q8, policy.Pick([F16, Q8, Q4]));
        Assert.Equal(BaselinePolicy.ChosenWithOption, policy.Reason(Q8));
        Assert.Same(F16, policy.Pick([F16, Q4]));
        Assert.Contains("not among them", policy.Reason(F16));
    }

    [Fact]
    public void The_runs_ratios_use_the_chosen_baseline_and_say_why()
    {
        var run = Run(Q8.Path, Succeeded(F16), Succeeded(Q8), Succeeded(Q4));

        Assert.Same(Q8, run.Baseline!.Model);
        Assert.Equal(new BaselineChoice("Q8_0", Q8.Path, BaselinePolicy.ChosenWithOption), run.BaselineChoice);
    }

    [Fact]
    public void A_failed_model_is_never_the_baseline()
    {
        var run = Run(null, ModelResult.Failed(F16, "boom"), Succeeded(Q4), Succeeded(Q8));

        Assert.Same(Q8, run.Baseline!.Model);
    }

    [Fact]
    public void The_report_names_the_baseline_and_the_reason()
    {
        var run = Run(Q8.Path, Succeeded(F16), Succeeded(Q8));

        string markdown = QuantBench.Reports.MarkdownExporter.Render(run);

        Assert.Contains("against the baseline, Q8_0 (chosen with --baseline)", markdown);
    }
}
