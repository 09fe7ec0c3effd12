using QuantBench.Reports;
using QuantBench.Results;
using QuantBench.Running;
using QuantBench.Tests.Fakes;

namespace QuantBench.Tests.Running;

public sealed class BenchmarkRunnerTests : IDisposable
{
    private readonly string output = Directory.CreateTempSubdirectory("quantbench-runner-").FullName;

    private static readonly ModelDescriptor Big = new() { Path = "/m/big.gguf", Label = "big", TensorBytes = 64L << 30, BitsPerWeight = 16, Layers = 32, KvHeads = 8, HeadDimension = 128, VocabularySize = 32000 };
    private static readonly ModelDescriptor Small = new() { Path = "/m/small.gguf", Label = "small", TensorBytes = 1 << 20, BitsPerWeight = 4, Layers = 2, KvHeads = 2, HeadDimension = 64, VocabularySize = 1000 };

    private static readonly BenchmarkSettings Settings = new() { PromptTokens = 8, OutputTokens = 4, WarmupRequests = 0, MeasuredRequests = 2, Scenarios = [Scenario.Latency] };

    private static RunResult Run(BenchmarkSettings settings) => new() { ToolVersion = "t", StartedUtc = DateTimeOffset.UnixEpoch, Settings = settings };

    private static InProcessModelRunner Runner => new(new ScriptedBackend((_, r) => ScriptedBackend.Uniform(r, 1, 2, 1)));

    [Fact]
    public async Task A_model_that_cannot_fit_is_refused_with_its_estimate_and_the_others_are_measured()
    {
        var runner = new BenchmarkRunner(Runner, CompositeExporter.Default) { AvailableMemoryBytes = 8L << 30 };
        var run = await runner.RunAsync(Run(Settings), [Big, Small], output, null, CancellationToken.None);

        Assert.Equal(ModelStatus.Failed, run.Models[0].Status);
        Assert.Contains("--force", run.Models[0].Failure);
        Assert.Contains("8.0 GiB is available", run.Models[0].Failure);
        Assert.Equal(ModelStatus.Succeeded, run.Models[1].Status);
    }

    [Fact]
    public async Task Force_measures_a_model_despite_the_estimate()
    {
        var runner = new BenchmarkRunner(Runner, CompositeExporter.Default) { AvailableMemoryBytes = 8L << 30 };
        var run = await runner.RunAsync(Run(Settings with { Force = true }), [Big], output, null, CancellationToken.None);
        Assert.Equal(ModelStatus.Succeeded, run.Models[0].Status);
    }

    [Fact]
    public async Task Results_and_the_journal_are_written_after_every_model()
    {
        var runner = new BenchmarkRunner(Runner, CompositeExporter.Default);
        await runner.RunAsync(Run(Settings), [Small, Small with { Path = "/m/other.gguf", Label = "other" }], output, null, CancellationToken.None);

        Assert.Equal(2, File.ReadAllLines(Path.Combine(output, "journal.jsonl")).Length);
        Assert.Equal(2, ResultsJson.ReadRun(output).Models.Length);
        Assert.Contains("| other |", File.ReadAllText(Path.Combine(output, "report.md")));
    }

    public void Dispose() => Directory.Delete(output, recursive: true);
}
