using System.Text.Json.Nodes;
using QuantBench.Cli;
using QuantBench.Results;
using QuantBench.Settings;
using QuantBench.Tests.Gguf;
using Spectre.Console.Testing;

namespace QuantBench.Tests.Results;

/// <summary>
/// results.json version 2 writes each setting once; version 1 folders (a real run by the version-1 writer:
/// two reference models, every scenario) still read, regenerate their reports and compare.
/// </summary>
public sealed class SchemaVersionTests : IDisposable
{
    private static readonly string V1RunFile = Path.Combine(AppContext.BaseDirectory, "Results", "Fixtures", "v1-run.results.json");
    private readonly TempDir dir = new();

    public void Dispose() => dir.Dispose();

    [Fact]
    public void A_version_1_file_reads_with_every_scenario()
    {
        var run = ResultsJson.ReadRun(V1RunFile);

        Assert.Equal(1, run.SchemaVersion);
        Assert.Equal(2, run.Models.Length);
        Assert.All(run.Models, m => Assert.NotNull(m.Latency));
        Assert.All(run.Models, m => Assert.NotNull(m.Quality));
        Assert.All(run.Models, m => Assert.NotNull(m.Throughput));
        Assert.Equal(16, run.Settings.ThroughputOptions.PromptTokens);
    }

    [Fact]
    public void Report_regenerates_a_version_1_folder()
    {
        string folder = CopyV1("v1");

        var (exitCode, _) = Execute("report", folder);

        Assert.Equal(0, exitCode);
        string markdown = File.ReadAllText(Path.Combine(folder, "report.md"));
        Assert.Contains("ref-tiny-Q4_0", markdown, StringComparison.Ordinal);
        Assert.Contains("<h1>QuantBench report</h1>", File.ReadAllText(Path.Combine(folder, "report.html")), StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_reads_a_version_1_folder_against_a_version_2_one()
    {
        string old = CopyV1("old");
        string @new = dir.File("new");
        Directory.CreateDirectory(@new);
        var rewritten = ResultsJson.ReadRun(old) with { SchemaVersion = RunResult.CurrentSchemaVersion };
        File.WriteAllText(Path.Combine(@new, "results.json"), ResultsJson.Serialize(rewritten));

        var (exitCode, _) = Execute("compare", old, @new, "-o", dir.File("out"));

        Assert.Equal(0, exitCode);
        Assert.Contains("ref-tiny-Q4_0", File.ReadAllText(Path.Combine(dir.File("out"), "compare.md")), StringComparison.Ordinal);
    }

    [Fact]
    public void Version_2_writes_each_setting_once()
    {
        var run = ResultsJson.ReadRun(V1RunFile) with { SchemaVersion = RunResult.CurrentSchemaVersion };

        var settings = JsonNode.Parse(ResultsJson.Serialize(run))!["settings"]!.AsObject();

        Assert.True(RunResult.CurrentSchemaVersion >= 2);
        Assert.False(settings.ContainsKey("throughputOptions"));
        Assert.False(settings.ContainsKey("effectiveContextSize"));
        Assert.False(settings["quality"]!.AsObject().ContainsKey("options"));
        var throughput = settings["throughput"]!.AsObject();
        Assert.False(throughput.ContainsKey("promptTokens"));
        Assert.False(throughput.ContainsKey("outputTokens"));
        Assert.False(throughput.ContainsKey("seed"));
        Assert.Equal(16, settings["promptTokens"]!.GetValue<int>());
    }

    [Fact]
    public void The_run_request_shape_reaches_the_throughput_scenario_through_a_worker_job()
    {
        var settings = ResultsJson.ReadRun(V1RunFile).Settings;

        var back = ResultsJson.Deserialize<QuantBench.Settings.BenchmarkSettings>(ResultsJson.Serialize(settings));

        Assert.Equal(16, back.ThroughputOptions.PromptTokens);
        Assert.Equal(8, back.ThroughputOptions.OutputTokens);
        Assert.Equal(settings.Seed, back.ThroughputOptions.Seed);
        Assert.Equal([1, 2], back.ThroughputOptions.BatchSizes.ToArray());
    }

    private string CopyV1(string name)
    {
        string folder = dir.File(name);
        Directory.CreateDirectory(folder);
        File.Copy(V1RunFile, Path.Combine(folder, "results.json"));
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
    public void Version_3_names_the_baseline_and_why_instead_of_repeating_its_result()
    {
        var run = ResultsJson.ReadRun(V1RunFile) with { SchemaVersion = RunResult.CurrentSchemaVersion };

        var json = JsonNode.Parse(ResultsJson.Serialize(run))!.AsObject();

        Assert.Equal(3, RunResult.CurrentSchemaVersion);
        Assert.False(json.ContainsKey("baseline"));
        var choice = json["baselineChoice"]!.AsObject();
        Assert.Equal(run.Baseline!.Model.Label, choice["label"]!.GetValue<string>());
        Assert.Equal(BaselinePolicy.MostBitsPerWeight, choice["reason"]!.GetValue<string>());
    }
}
