using System.Collections.Immutable;
using QuantBench.Quality;
using QuantBench.Reports;
using QuantBench.Results;
using QuantBench.Running;
using QuantBench.Settings;

namespace QuantBench.Tests.Reports;

public sealed class SummaryTableTests
{
    private static readonly BenchmarkSettings Settings = new() { PromptTokens = 16, OutputTokens = 4 };

    private static ModelResult Measured(string label, double bpw, long bytes, double gapMs) => new()
    {
        Model = new ModelDescriptor { Path = $"/m/{label}.gguf", Label = label, BitsPerWeight = bpw, FileBytes = bytes },
        Latency = LatencyResult.From(16, 4, 1, [.. Enumerable.Range(0, 3).Select(_ => (QuantBench.Measurements.RequestMetrics.From(
            new Engines.RequestTrace(16, 8, [10, 10 + gapMs, 10 + 2 * gapMs, 10 + 3 * gapMs]))))]),
    };

    [Fact]
    public void Speed_up_and_size_ratio_are_against_the_model_with_the_most_bits_per_weight()
    {
        var run = new RunResult { ToolVersion = "t", StartedUtc = DateTimeOffset.UnixEpoch, Settings = Settings, Models = [Measured("F16", 16, 1000, 4), Measured("Q4", 4.5, 250, 1)] };
        var table = SummaryTable.From(run);
        var q4 = table.Rows[1];

        Assert.Equal("4.00x", q4[table.Headers.IndexOf("tg speed-up")]);
        Assert.Equal("4.00x", q4[table.Headers.IndexOf("size ratio")]);
        Assert.DoesNotContain("PPL", table.Headers);
        Assert.DoesNotContain("status", table.Headers);
    }

    [Fact]
    public void Quality_columns_appear_when_measured_and_a_failure_keeps_its_row()
    {
        var quality = new QualityResult { SourceDescription = "t", ContextTokens = 8, Chunks = 1, ScoredTokens = 4, Perplexity = new PerplexityResult(12.5, 0.5, 2.5, 0.04, 4) };
        var failed = ModelResult.Failed(new ModelDescriptor { Path = "/m/bad.gguf", Label = "bad", BitsPerWeight = 2, FileBytes = 100 }, "Latency: killed by signal 9");
        var run = new RunResult
        {
            ToolVersion = "t",
            StartedUtc = DateTimeOffset.UnixEpoch,
            Settings = Settings,
            Models = [Measured("F16", 16, 1000, 4) with { Quality = quality }, failed],
        };
        var table = SummaryTable.From(run);

        Assert.Equal("12.50 ± 0.50", table.Rows[0][table.Headers.IndexOf("PPL")]);
        Assert.Equal("baseline", table.Rows[0][table.Headers.IndexOf("KLD")]);
        Assert.Equal("n/a", table.Rows[1][table.Headers.IndexOf("PPL")]);
        Assert.Equal("failed: Latency: killed by signal 9", table.Rows[1][table.Headers.IndexOf("status")]);
        Assert.All(table.Rows, row => Assert.Equal(table.Headers.Length, row.Length));
    }

    [Fact]
    public void The_type_mix_shows_the_real_share_of_the_promised_family_and_the_fallbacks()
    {
        var mix = new LevelMix
        {
            Level = "Q4_K_M", Family = "K-quant", FamilyShare = 0.24, WeightCount = 37, FallbackCount = 31,
            Types = ["Q5_0 60%", "Q4_K 24%", "Q8_0 16%"],
        };
        var q4 = Measured("Q4_K_M", 5.1, 250, 1);
        var run = new RunResult
        {
            ToolVersion = "t", StartedUtc = DateTimeOffset.UnixEpoch, Settings = Settings,
            Models = [Measured("F32", 32, 1000, 4), q4 with { Model = q4.Model with { LevelMix = mix } }],
        };
        var table = SummaryTable.From(run);

        Assert.Equal("24% K-quant (Q5_0 60%, Q4_K 24%, Q8_0 16%); 31 of 37 fell back", table.Rows[1][table.Headers.IndexOf("type mix")]);
        Assert.Equal("n/a", table.Rows[0][table.Headers.IndexOf("type mix")]);
        Assert.Equal("Q4_K_M (24% of weights really K-quant)", mix.Headline);
    }
}
