using System.Diagnostics;
using QuantBench.Engines;
using QuantBench.IntegrationTests.EndToEnd;
using QuantBench.Preparation;
using QuantBench.Progress;
using QuantBench.Reports;
using QuantBench.Results;
using QuantBench.Running;
using QuantBench.Settings;

namespace QuantBench.IntegrationTests.Isolation;

/// <summary>Process isolation: a model's worker dying, or allocating, touches no other model's result.</summary>
public sealed class WorkerIsolationTests(TinyLadder ladder) : IClassFixture<TinyLadder>
{
    private static readonly WorkerCommand Worker = WorkerCommand.ForCli(Path.Combine(AppContext.BaseDirectory, "QuantBench.Cli.dll"));

    private static BenchmarkSettings Quick => new()
    {
        PromptTokens = 32,
        OutputTokens = 8,
        WarmupRequests = 1,
        MeasuredRequests = 60, // long enough to be killed mid-measurement
        Threads = 2,
        Scenarios = [Scenario.Latency],
    };

    [Fact]
    public async Task A_worker_killed_mid_run_fails_its_model_alone_and_the_report_stays_valid()
    {
        string output = Directory.CreateTempSubdirectory("quantbench-kill-").FullName;
        var first = ModelInspector.Describe(ladder.Q8Path);
        var second = ModelInspector.Describe(ladder.Q4Path);
        var settings = Quick;
        bool killed = false;
        var progress = new SynchronousProgress<BenchmarkProgress>(p =>
        {
            if (!killed && p.Model == first.Label && p.Phase == BenchmarkPhase.Measure && p.Done >= 2)
            {
                killed = true;
                KillWorkerOf(first.Path);
            }
        });

        var runner = new BenchmarkRunner(new WorkerProcessModelRunner(Worker));
        var plan = new RunPlan { Models = [first, second], ToolVersion = "test", StartedUtc = DateTimeOffset.UtcNow, Settings = settings };
        var run = (await runner.RunAsync(plan, plan.Start(), new ResultsFolder(output, CompositeExporter.Default), progress, CancellationToken.None)).Run;

        Assert.True(killed);
        Assert.Equal(ModelStatus.Failed, run.Models[0].Status);
        Assert.Contains("signal 9", run.Models[0].Failure);
        Assert.Equal(ModelStatus.Succeeded, run.Models[1].Status);
        var written = ResultsJson.ReadRun(output);
        Assert.Equal(2, written.Models.Length);
        Assert.Contains("signal 9", File.ReadAllText(Path.Combine(output, "report.md")));
    }

    [Fact]
    public async Task Weights_read_without_mmap_show_in_the_load_phase_peak()
    {
        // With no-mmap llama.cpp reads the weights into memory the process allocates and touches: a known
        // number of bytes (the F32 tensors), which both the kernel's peak and the sampler must include.
        var model = ModelInspector.Describe(ladder.BasePath);
        var settings = Quick with { MeasuredRequests = 2, LoadMode = LoadMode.NoMmap };
        var result = await new WorkerProcessModelRunner(Worker).RunAsync(new WorkerJob(Scenario.Latency, model, settings), null, CancellationToken.None);

        Assert.Equal(ModelStatus.Succeeded, result.Status);
        var memory = result.Memory!;
        var load = memory.Phases.Single(p => p.Phase == "load");
        long baseline = memory.BaselineResidentBytes;
        Assert.True(load.KernelPeakResidentBytes - baseline >= model.TensorBytes, $"VmHWM rose {load.KernelPeakResidentBytes - baseline} for {model.TensorBytes} bytes of weights");
        Assert.True(memory.PeakResidentBytes - baseline >= model.TensorBytes);
        Assert.True(memory.SampledPeakResidentBytes - baseline >= model.TensorBytes * 0.9, "the sampler saw the weights too");
    }

    private static void KillWorkerOf(string modelPath)
    {
        // The worker is a child of this test process whose job file names the model by its full path. Both checks
        // matter: other test classes (and other test runs on the machine) run workers on files of the same name at
        // the same time, and killing one of theirs fails an unrelated test, more often the busier the machine.
        foreach (string dir in Directory.GetDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out int pid))
            {
                continue;
            }

            try
            {
                string cmdline = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ');
                if (cmdline.Contains(" worker --job ", StringComparison.Ordinal)
                    && ParentOf(dir) == Environment.ProcessId
                    && File.ReadAllText(cmdline.Split(" --job ")[1].Split(' ')[0]).Contains(modelPath, StringComparison.Ordinal))
                {
                    Process.Start("kill", ["-9", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]).WaitForExit();
                }
            }
            catch (IOException)
            {
                // The process ended while being looked at.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }

    // /proc/PID/stat: "pid (comm) state ppid ...", where comm may itself hold spaces and parentheses.
    private static int ParentOf(string procDir)
    {
        string stat = File.ReadAllText(Path.Combine(procDir, "stat"));
        string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture);
    }
}
