using QuantBench.Reports;
using QuantBench.Results;
using QuantBench.Running;
using QuantBench.Settings;
using QuantBench.Tests.Fakes;

namespace QuantBench.Tests.Running;

public sealed class BenchmarkRunnerTests : IDisposable
{
    private readonly string output = Directory.CreateTempSubdirectory("quantbench-runner-").FullName;

    private static readonly ModelDescriptor Small = new() { Path = "/m/small.gguf", Label = "small", TensorBytes = 1 << 20, BitsPerWeight = 4, Layers = 2, KvHeads = 2, HeadDimension = 64, VocabularySize = 1000 };
    private static readonly ModelDescriptor Other = Small with { Path = "/m/other.gguf", Label = "other" };

    private static readonly BenchmarkSettings Settings = new() { PromptTokens = 8, OutputTokens = 4, WarmupRequests = 0, MeasuredRequests = 2, Scenarios = [Scenario.Latency] };

    private static RunPlan Plan(params ModelDescriptor[] models) =>
        new() { Models = [.. models], ToolVersion = "t", StartedUtc = DateTimeOffset.UnixEpoch, Settings = Settings };

    private static InProcessModelRunner Runner => new(new ScriptedBackend((_, r) => ScriptedBackend.Uniform(r, 1, 2, 1)));

    [Fact]
    public async Task A_refused_model_fails_with_the_plans_reason_and_the_others_are_measured()
    {
        var plan = Plan(Small, Other) with { Refused = [new RefusedModel(Small.Path, "needs about 9 GiB")] };
        var sink = new RecordingSink();

        var outcome = await new BenchmarkRunner(Runner).RunAsync(plan, plan.Start(), sink, null, CancellationToken.None);

        Assert.Equal(ModelStatus.Failed, outcome.Run.Models[0].Status);
        Assert.Equal("needs about 9 GiB", outcome.Run.Models[0].Failure);
        Assert.Equal(ModelStatus.Succeeded, outcome.Run.Models[1].Status);
        Assert.False(outcome.Interrupted);
    }

    [Fact]
    public async Task The_sink_hears_of_every_model_with_the_run_so_far_and_of_the_end()
    {
        var plan = Plan(Small, Other);
        var sink = new RecordingSink();

        var outcome = await new BenchmarkRunner(Runner).RunAsync(plan, plan.Start(), sink, null, CancellationToken.None);

        Assert.Equal([1, 2], sink.Finished.Select(r => r.Models.Length));
        Assert.Equal(["small", "other"], sink.Finished.Select(r => r.Models[^1].Model.Label));
        Assert.Same(outcome.Run, sink.Final);
        Assert.NotNull(outcome.Run.FinishedUtc);
        Assert.Contains(outcome.Run.Phases, p => p.Name == "measure");
    }

    [Fact]
    public async Task A_resumed_run_measures_only_the_models_it_has_not_reached()
    {
        var plan = Plan(Small, Other);
        var reached = plan.Start() with { Models = [new ModelResult { Model = Small }] };
        var sink = new RecordingSink();

        var outcome = await new BenchmarkRunner(Runner).RunAsync(plan, reached, sink, null, CancellationToken.None);

        Assert.Equal(["small", "other"], outcome.Run.Models.Select(m => m.Model.Label));
        Assert.Single(sink.Finished);
    }

    [Fact]
    public async Task A_cancelled_run_returns_what_it_reached_marked_interrupted_and_tells_the_sink()
    {
        using var cancellation = new CancellationTokenSource();
        var plan = Plan(Small, Other);
        var sink = new RecordingSink { AfterModel = cancellation.Cancel };

        var outcome = await new BenchmarkRunner(Runner).RunAsync(plan, plan.Start(), sink, null, cancellation.Token);

        Assert.True(outcome.Interrupted);
        Assert.Equal(["small"], outcome.Run.Models.Select(m => m.Model.Label));
        Assert.Same(outcome.Run, sink.Final);
    }

    [Fact]
    public async Task The_results_folder_writes_results_and_the_journal_after_every_model()
    {
        var plan = Plan(Small, Other);
        var folder = new ResultsFolder(output, CompositeExporter.Default);
        var sink = new RecordingSink { AfterModel = () => Assert.True(File.Exists(Path.Combine(output, "results.json"))), Inner = folder };

        await new BenchmarkRunner(Runner).RunAsync(plan, plan.Start(), sink, null, CancellationToken.None);

        Assert.Equal(2, File.ReadAllLines(Path.Combine(output, ResultsFolder.JournalFileName)).Length);
        Assert.Equal(2, ResultsJson.ReadRun(output).Models.Length);
        Assert.Contains("| other |", File.ReadAllText(Path.Combine(output, "report.md")));
        Assert.Empty(folder.Failures);
    }

    public void Dispose() => Directory.Delete(output, recursive: true);

    private sealed class RecordingSink : IRunSink
    {
        public List<RunResult> Finished { get; } = [];
        public RunResult? Final { get; private set; }
        public Action? AfterModel { get; init; }
        public IRunSink? Inner { get; init; }

        public void ModelFinished(RunResult run, ModelResult model)
        {
            Finished.Add(run);
            Inner?.ModelFinished(run, model);
            AfterModel?.Invoke();
        }

        public void RunFinished(RunResult run)
        {
            Final = run;
            Inner?.RunFinished(run);
        }
    }
}
