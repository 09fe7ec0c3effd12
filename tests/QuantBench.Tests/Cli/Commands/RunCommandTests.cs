using QuantBench.Cli;
using QuantBench.Engines;
using QuantBench.Planning;
using QuantBench.Progress;
using QuantBench.Reports;
using QuantBench.Results;
using QuantBench.Running;
using QuantBench.Synthetic;
using QuantBench.Tests.Fakes;
using Spectre.Console.Testing;

namespace QuantBench.Tests.Cli.Commands;

/// <summary><c>quantbench run</c> end to end through its seams: a scripted engine in this process, a fake machine; no native code.</summary>
public sealed class RunCommandTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("quantbench-run-").FullName;

    private string Output => Path.Combine(directory, "out");

    /// <summary>Two GGUF files (the tiny synthetic model under two names): the planner reads their headers and hashes them.</summary>
    private (string A, string B) Models()
    {
        string a = Path.Combine(directory, "a.gguf");
        SyntheticModelGenerator.Write(SyntheticModelPresets.Tiny, 7, a);
        string b = Path.Combine(directory, "b.gguf");
        File.Copy(a, b);
        return (a, b);
    }

    private static RunEnvironment Environment(IModelRunner runner, FakeMachineProbe? machine = null) => new(
        () => new EngineInfo("scripted", "test", "b0", "cpu", "fake"),
        () => runner,
        () => throw new InvalidOperationException("no quantizer: the test names its models"),
        machine ?? new FakeMachineProbe());

    // TTFT 5 ms, then a token every 2 ms.
    private static InProcessModelRunner Scripted => new(new ScriptedBackend((_, r) => ScriptedBackend.Uniform(r, 1, 5, 2)));

    private static string[] Args(string a, string b, string output) =>
        ["run", a, b, "-o", output, "--scenarios", "latency", "--warmup", "0", "--runs", "3", "-p", "8", "-n", "4", "-t", "1"];

    [Fact]
    public async Task Run_plans_measures_every_model_and_writes_the_results_folder()
    {
        var (a, b) = Models();
        var console = new TestConsole().Width(400);

        int exit = await QuantBenchApp.Create(console, Environment(Scripted)).RunAsync(Args(a, b, Output));

        Assert.True(exit == 0, console.Output);
        var run = ResultsJson.ReadRun(Output);
        Assert.Equal(["a", "b"], run.Models.Select(m => m.Model.Label));
        Assert.All(run.Models, m =>
        {
            Assert.Equal(ModelStatus.Succeeded, m.Status);
            Assert.Equal(5, m.Latency!.TimeToFirstTokenMs.Median);
            Assert.Equal(2, m.Latency.TimePerOutputTokenMs.Median);
            Assert.Equal(3, m.Latency.Requests.Length);
            Assert.Equal(64, m.Model.Sha256!.Length);
            Assert.Equal(20e9, m.Roofline!.BandwidthBytesPerSecond);
        });
        Assert.Equal("Fake CPU", run.Machine!.CpuModel);
        Assert.NotNull(run.FinishedUtc);
        Assert.Equal(["hash", "bandwidth", "measure"], run.Phases.Select(p => p.Name));
        Assert.Equal(2, File.ReadAllLines(Path.Combine(Output, ResultsFolder.JournalFileName)).Length);
        Assert.True(File.Exists(Path.Combine(Output, RunPlanFile.FileName)));
        Assert.Contains("| b |", File.ReadAllText(Path.Combine(Output, "report.md")));
        Assert.Contains("Results:", console.Output);
    }

    [Fact]
    public async Task An_interrupted_run_keeps_the_finished_model_exits_130_and_resume_finishes_it()
    {
        var (a, b) = Models();
        using var cancellation = new CancellationTokenSource();
        var interrupting = new CancelOnJob(Scripted, cancelAtJob: 2, cancellation);
        var console = new TestConsole().Width(400);

        int exit = await QuantBenchApp.Create(console, Environment(interrupting)).RunAsync(Args(a, b, Output), cancellation.Token);

        Assert.True(exit == 130, console.Output);
        Assert.Contains("--resume", console.Output);
        Assert.Equal(["a"], ResultsJson.ReadRun(Output).Models.Select(m => m.Model.Label));

        var resumed = new TestConsole().Width(400);
        int second = await QuantBenchApp.Create(resumed, Environment(Scripted)).RunAsync(["run", "--resume", Output]);

        Assert.True(second == 0, resumed.Output);
        Assert.Equal(["a", "b"], ResultsJson.ReadRun(Output).Models.Select(m => m.Model.Label));
        Assert.Equal(2, File.ReadAllLines(Path.Combine(Output, ResultsFolder.JournalFileName)).Length);
    }

    [Fact]
    public async Task A_model_the_machine_cannot_hold_fails_alone_and_the_exit_code_says_so()
    {
        var (a, b) = Models();
        var console = new TestConsole().Width(400);

        int exit = await QuantBenchApp.Create(console, Environment(Scripted, new FakeMachineProbe(availableMemoryBytes: 1 << 20))).RunAsync(Args(a, b, Output));

        Assert.Equal(1, exit);
        var run = ResultsJson.ReadRun(Output);
        Assert.All(run.Models, m => Assert.Contains("--force", m.Failure));
        Assert.Contains("2 of 2 models failed", console.Output);
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    /// <summary>Cancels the run as its <paramref name="cancelAtJob"/>-th worker job starts (Ctrl-C during that model).</summary>
    private sealed class CancelOnJob(IModelRunner inner, int cancelAtJob, CancellationTokenSource cancellation) : IModelRunner
    {
        private int jobs;

        public Task<ModelResult> RunAsync(WorkerJob job, IProgress<BenchmarkProgress>? progress, CancellationToken cancellationToken)
        {
            if (++jobs == cancelAtJob)
            {
                cancellation.Cancel();
                cancellationToken.ThrowIfCancellationRequested();
            }

            return inner.RunAsync(job, progress, cancellationToken);
        }
    }
}
