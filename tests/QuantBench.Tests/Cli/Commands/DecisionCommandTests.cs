using QuantBench.Cli;
using QuantBench.Results;
using QuantBench.Tests.Gguf;
using Spectre.Console.Testing;
using static QuantBench.Tests.Decisions.TestRuns;

namespace QuantBench.Tests.Cli.Commands;

public sealed class DecisionCommandTests : IDisposable
{
    private const long MiB = 1024 * 1024;
    private readonly TempDir dir = new();

    public void Dispose() => dir.Dispose();

    private static RunResult Ladder(double q4TpotMs = 33) => Run(
        Model("Q8_0", 420 * MiB, 8.5, ttftMs: 250, tpotMs: 55, peakResidentBytes: 500 * MiB),
        Model("Q4_K_M", 240 * MiB, 4.9, ttftMs: 200, tpotMs: q4TpotMs, peakResidentBytes: 320 * MiB));

    private string Save(string name, RunResult run)
    {
        string folder = dir.File(name);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "results.json"), ResultsJson.Serialize(run));
        return folder;
    }

    private static (int ExitCode, string Output) Execute(params string[] args)
    {
        var console = new TestConsole();
        console.Profile.Width = 300;
        int exitCode = QuantBenchApp.Create(console).Run(args);
        return (exitCode, console.Output);
    }

    [Fact]
    public void Recommend_prints_the_choice_within_the_limits()
    {
        string results = Save("run", Ladder());

        var (exitCode, output) = Execute("recommend", results, "--max-memory", "400MiB");

        Assert.Equal(0, exitCode);
        Assert.Contains("Choose Q4_K_M.", output, StringComparison.Ordinal);
        Assert.Contains("peak RSS 500.0 MiB > 400.0 MiB", output, StringComparison.Ordinal);
    }

    private static RunResult Served() => Run() with
    {
        Serving = new QuantBench.Serving.ServingResult
        {
            Target = new QuantBench.Serving.ServingTarget { Urls = ["http://127.0.0.1:1"], Api = QuantBench.Serving.ServingApi.Completions, PromptTokens = "16", PromptLengths = QuantBench.Serving.PromptLengthSource.ServerTokenizer, OutputTokens = 9 },
            Plan = new QuantBench.Serving.ServingSweepPlan { Loads = [QuantBench.Serving.ServingLoad.Concurrency(1), QuantBench.Serving.ServingLoad.Concurrency(4)] },
            Points = [QuantBench.Tests.Decisions.TestServing.Point(1, 50, 10, gapMs: 250), QuantBench.Tests.Decisions.TestServing.Point(4, 100, 20, gapMs: 250)],
        },
    };

    [Fact]
    public void Recommend_of_served_results_checks_goodput_at_a_rate_under_the_objective_asked_for()
    {
        string results = Save("serve", Served());

        var (meets, output) = Execute("recommend", results, "--at-rate", "3");
        var (misses, strict) = Execute("recommend", results, "--at-rate", "3", "--slo", "tpot=8ms");

        Assert.Equal(0, meets);
        Assert.Contains("Choose the server.", output, StringComparison.Ordinal);
        Assert.Equal(1, misses);
        Assert.Contains("goodput 0.00 req/s < 3.00 req/s at tpot=8ms", strict, StringComparison.Ordinal);
    }

    [Fact]
    public void Recommend_of_a_launched_ladder_picks_the_smallest_level_meeting_the_rate_within_the_memory()
    {
        string results = Save("ladder", QuantBench.Tests.Launching.LadderSamples.Run(gpu: true));

        var (fits, output) = Execute("recommend", results, "--at-rate", "1", "--max-memory", "200MiB", "--max-vram", "250MiB");
        var (tooSmall, none) = Execute("recommend", results, "--at-rate", "1", "--max-memory", "100MiB");

        Assert.Equal(0, fits);
        Assert.Contains("Choose Q4_0.", output, StringComparison.Ordinal);
        Assert.Contains("peak VRAM 300.0 MiB > 250.0 MiB", output, StringComparison.Ordinal);   // Q8_0
        Assert.Contains("not considered: Q2_K: the server exited with code 1", output, StringComparison.Ordinal);
        Assert.Equal(1, tooSmall);
        Assert.Contains("peak RSS 110.0 MiB > 100.0 MiB", none, StringComparison.Ordinal);
    }

    [Fact]
    public void Recommend_refuses_serving_limits_on_an_in_process_run_in_one_line()
    {
        var (exitCode, output) = Execute("recommend", Save("run", Ladder()), "--at-rate", "2");

        Assert.Equal(2, exitCode);
        Assert.Contains("need served results", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_of_two_served_runs_is_point_by_point()
    {
        string old = Save("a", Served());
        string @new = Save("b", Served());

        var (exitCode, output) = Execute("compare", old, @new, "-o", dir.File("cmp"));

        Assert.Equal(0, exitCode);
        Assert.Contains("c=4", File.ReadAllText(Path.Combine(dir.File("cmp"), "compare.md")), StringComparison.Ordinal);
        Assert.Contains("goodput req/s", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Recommend_exits_1_when_no_level_fits()
    {
        var (exitCode, output) = Execute("recommend", Save("run", Ladder()), "--min-decode-tps", "1000");

        Assert.Equal(1, exitCode);
        Assert.Contains("No level meets every constraint", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Recommend_warns_that_max_kld_is_ignored_without_quality()
    {
        var (exitCode, output) = Execute("recommend", Save("run", Ladder()), "--max-kld", "0.05");

        Assert.Equal(0, exitCode);
        Assert.Contains("warning:", output, StringComparison.Ordinal);
        Assert.Contains("--max-kld is ignored", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Recommend_of_a_missing_file_is_a_one_line_error()
    {
        var (exitCode, output) = Execute("recommend", dir.File("nothing-here"));

        Assert.Equal(2, exitCode);
        Assert.Equal($"error: no results file at {dir.File("nothing-here")}", output.Trim());
    }

    [Fact]
    public void Recommend_rejects_an_ambiguous_size_in_one_line()
    {
        var (exitCode, output) = Execute("recommend", Save("run", Ladder()), "--max-memory", "8G");

        Assert.NotEqual(0, exitCode);
        Assert.Single(output.Trim().Split('\n'));
        Assert.Contains("'8G' is not a size", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--min-accuracy", "hellaswag=high")]
    [InlineData("--max-accuracy-drop", "winogrande")]
    public void Recommend_rejects_a_malformed_accuracy_limit_in_one_line(string option, string value)
    {
        var (exitCode, output) = Execute("recommend", Save("run", Ladder()), option, value);

        Assert.NotEqual(0, exitCode);
        Assert.Single(output.Trim().Split('\n'));
        Assert.Contains(option + ": '", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Recommend_with_an_accuracy_limit_and_no_task_figures_exits_1_saying_what_is_missing()
    {
        var (exitCode, output) = Execute("recommend", Save("run", Ladder()), "--min-accuracy", "hellaswag=0.3,winogrande=55%");

        Assert.Equal(1, exitCode);
        Assert.Contains("hellaswag accuracy ≥ 30.0 %, winogrande accuracy ≥ 55.0 %", output, StringComparison.Ordinal);
        Assert.Contains("hellaswag accuracy not measured; winogrande accuracy not measured", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_writes_markdown_and_html_and_prints_verdicts()
    {
        string old = Save("old", Ladder());
        var faster = Ladder(q4TpotMs: 16);
        string @new = Save("new", faster with { Settings = faster.Settings with { Threads = 4 } });
        string output = dir.File("diff");

        var (exitCode, text) = Execute("compare", old, @new, "-o", output);

        Assert.Equal(0, exitCode);
        Assert.Contains("warning: threads differs: 2 (old) vs 4 (new)", text, StringComparison.Ordinal);
        Assert.Contains("faster", text, StringComparison.Ordinal);
        Assert.Contains("| Q4_K_M | TPOT | 33.00 ms | 16.00 ms |", File.ReadAllText(Path.Combine(output, "compare.md")), StringComparison.Ordinal);
        Assert.StartsWith("<!DOCTYPE html>", File.ReadAllText(Path.Combine(output, "compare.html")), StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_with_a_missing_run_is_a_one_line_error()
    {
        var (exitCode, output) = Execute("compare", Save("old", Ladder()), dir.File("missing.json"), "-o", dir.Path);

        Assert.Equal(2, exitCode);
        Assert.Single(output.Trim().Split('\n'));
        Assert.StartsWith("error: no results file at", output, StringComparison.Ordinal);
        Assert.False(File.Exists(dir.File("compare.md")));
    }
}
