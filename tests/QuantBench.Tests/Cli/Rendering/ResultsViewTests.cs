using QuantBench.Cli.Rendering;
using QuantBench.Quality;
using QuantBench.Reports;
using QuantBench.Results;
using QuantBench.Settings;
using Spectre.Console.Testing;

namespace QuantBench.Tests.Cli.Rendering;

/// <summary>The summary table at the end of <c>quantbench run</c>, on the terminal widths people use.</summary>
public sealed class ResultsViewTests
{
    private static readonly string[] Labels = ["F16", "Q8_0", "Q4_K_M"];

    private static ModelResult Measured(string label, double bpw, long bytes, double gapMs) => new()
    {
        Model = new ModelDescriptor
        {
            Path = $"/m/{label}.gguf", Label = label, BitsPerWeight = bpw, FileBytes = bytes, ParameterCount = 1_240_000_000,
            LevelMix = new LevelMix
            {
                Level = label, Family = "K-quant", FamilyShare = 0.24, WeightCount = 37, FallbackCount = 31,
                Types = ["Q5_0 60%", "Q4_K 24%", "Q8_0 16%"],
            },
        },
        Latency = LatencyResult.From(512, 128, 1, [.. Enumerable.Range(0, 3).Select(i => QuantBench.Measurements.RequestMetrics.From(
            new Engines.RequestTrace(512, 8, [123.4 + i, 123.4 + i + gapMs, 123.4 + i + 2 * gapMs, 123.4 + i + 3 * gapMs])))]),
        Quality = new QualityResult
        {
            SourceDescription = "t", ContextTokens = 512, Chunks = 4, ScoredTokens = 2048,
            Perplexity = new PerplexityResult(12.5 + bpw, 0.5, 2.5, 0.04, 2048),
        },
    };

    private static RunResult Run() => new()
    {
        ToolVersion = "t",
        StartedUtc = DateTimeOffset.UnixEpoch,
        Settings = new BenchmarkSettings { PromptTokens = 512, OutputTokens = 128 },
        Models = [Measured(Labels[0], 16, 2_480_000_000, 40.25), Measured(Labels[1], 8.5, 1_320_000_000, 21.5), Measured(Labels[2], 4.9, 760_000_000, 12.75)],
    };

    [Theory]
    [InlineData(80)]
    [InlineData(120)]
    public void Every_model_stays_on_one_line_and_every_column_is_shown_when_the_type_mix_is_there(int width)
    {
        var run = Run();
        var console = new TestConsole().Width(width);

        ResultsView.Render(console, run);

        string[] lines = console.Output.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        Assert.All(lines, line => Assert.True(line.Length <= width, $"{line.Length} columns: {line}"));
        int parts = lines.Count(l => l.StartsWith('╭'));
        Assert.True(parts >= 2, console.Output);
        // Each part: one header line, then exactly one line per model (a wrapped cell would add lines).
        string[] rowLines = [.. lines.Where(l => l.StartsWith('│'))];
        Assert.Equal(parts * (1 + Labels.Length), rowLines.Length);
        Assert.Equal(parts * Labels.Length, rowLines.Count(l => Labels.Any(label => l.StartsWith($"│ {label} ", StringComparison.Ordinal))));
        var table = SummaryTable.From(run);
        Assert.All(table.Headers, header => Assert.Contains($" {header} ", console.Output, StringComparison.Ordinal));
        Assert.All(table.Rows.SelectMany(r => r), cell => Assert.Contains(cell, console.Output, StringComparison.Ordinal));
    }

    [Fact]
    public void A_table_that_fits_is_not_split()
    {
        string[] headers = ["model", "size", "bpw"];
        IReadOnlyList<string>[] rows = [["Q4_K_M", "760 MB", "4.90"]];

        var parts = TableParts.Split(headers, rows, 80);

        Assert.Equal([[0, 1, 2]], parts.Select(p => p.ToArray()));
    }

    [Fact]
    public void A_wide_table_splits_where_the_next_column_would_overflow_and_repeats_the_first()
    {
        string[] headers = ["model", "aaaaaaaaaa", "bbbbbbbbbb", "cccccccccc"];
        IReadOnlyList<string>[] rows = [["m", "1", "2", "3"]];

        // "│ model │ aaaaaaaaaa │ bbbbbbbbbb │" is 1 + 8 + 13 + 13 = 35 columns; a third figure column would need 48.
        var parts = TableParts.Split(headers, rows, 40);

        Assert.Equal([[0, 1, 2], [0, 3]], parts.Select(p => p.ToArray()));
    }
}
