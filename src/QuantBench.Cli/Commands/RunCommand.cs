using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using QuantBench.Cli.Rendering;
using QuantBench.LlamaCpp;
using QuantBench.Machine;
using QuantBench.Models;
using QuantBench.Preparation;
using QuantBench.Reports;
using QuantBench.Results;
using QuantBench.Running;
using QuantBench.Synthetic;
using Spectre.Console;
using Spectre.Console.Cli;

namespace QuantBench.Cli.Commands;

/// <summary><c>quantbench run</c>: prepare the models (or the embedded default), measure each in its own worker, write the reports.</summary>
internal sealed class RunCommand(IAnsiConsole console) : AsyncCommand<RunSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, RunSettings settings, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        if (settings.LlamaLibrary is { } library)
        {
            LlamaCppBackend.UseLibrary(library);
        }

        var (plan, run, output) = settings.Resume is { } resume
            ? ResumePlan(resume)
            : await NewPlanAsync(settings, cancellationToken);
        var remaining = plan.Remaining(run);

        var runner = new BenchmarkRunner(new WorkerProcessModelRunner(WorkerCommand.ForCli(typeof(RunCommand).Assembly.Location)), CliExporters.Default)
        {
            AvailableMemoryBytes = run.Machine?.AvailableMemoryBytes,
        };
        var measureClock = Stopwatch.StartNew();
        bool interrupted = false;
        try
        {
            run = await ProgressView.RunAsync(console, "measure", (progress, ct) => runner.RunAsync(run, remaining, output, progress, ct), cancellationToken);
        }
        catch (OperationCanceledException)
        {
            interrupted = true;
            run = runner.LastRun ?? run;
        }

        run = run with
        {
            FinishedUtc = DateTimeOffset.UtcNow,
            Phases = run.Phases.Add(new PhaseDuration("measure", measureClock.Elapsed.TotalSeconds)),
        };
        var failures = CliExporters.Default.Export(run, output);
        ResultsView.Render(console, run);
        foreach (string failure in failures.Concat(runner.ExportFailures).Distinct())
        {
            console.MarkupLineInterpolated($"[yellow]warning:[/] could not write {failure}");
        }

        console.MarkupLineInterpolated($"Results: {Path.GetFullPath(output)} (results.json, report.md); total {clock.Elapsed.TotalSeconds:0.0} s");
        if (interrupted)
        {
            console.MarkupLineInterpolated($"[yellow]Interrupted:[/] the results hold every model finished so far; finish with: quantbench run --resume {output}");
            return 130;
        }

        int failed = run.Models.Count(m => m.Status == ModelStatus.Failed);
        if (failed > 0)
        {
            console.MarkupLineInterpolated($"[red]{failed} of {run.Models.Length} models failed[/]; their causes are in the report.");
            return 1;
        }

        return 0;
    }

    private (RunPlan Plan, RunResult Run, string Output) ResumePlan(string directory)
    {
        var (plan, reached) = RunPlan.Resume(directory);
        string? measuredWith = reached.Engine?.LibraryPath;
        if (measuredWith != LlamaCppBackend.CustomLibrary)
        {
            throw new InvalidOperationException(measuredWith is null
                ? $"{directory} was measured with the bundled llama.cpp; resume it without --llama-lib"
                : $"{directory} was measured with --llama-lib {measuredWith}; resume it with the same library");
        }

        console.MarkupLineInterpolated($"Resuming {directory}: {reached.Models.Length} of {plan.Models.Length} models already measured.");
        return (plan, reached, directory);
    }

    private async Task<(RunPlan Plan, RunResult Run, string Output)> NewPlanAsync(RunSettings settings, CancellationToken cancellationToken)
    {
        var benchmark = settings.ToBenchmarkSettings();
        var started = DateTimeOffset.UtcNow;
        var phases = ImmutableArray.CreateBuilder<PhaseDuration>();
        var notes = ImmutableArray.CreateBuilder<string>();
        bool synthetic = settings.Models.Length == 0;
        IReadOnlyList<ModelDescriptor> models;
        if (synthetic)
        {
            var preset = SyntheticModelPresets.Find(settings.Preset);
            var types = QuantizationTypes.ParseList(settings.Types);
            var ladder = new SyntheticLadder(new LlamaCppQuantizer(), settings.Cache ?? SyntheticLadder.DefaultCacheDirectory);
            console.MarkupLineInterpolated($"No model given: measuring the embedded default, a synthetic [bold]{preset.Name}[/] llama model (random weights, seed {settings.Seed}) and {types.Length} quantization levels.");
            var prepared = await ProgressView.RunAsync(console, "prepare", (progress, ct) =>
                Task.Run(() => ladder.Prepare(preset, settings.Seed, types, benchmark.Threads, progress, ct), ct), cancellationToken);
            models = prepared.Models;
            phases.AddRange(prepared.Phases);
            notes.Add($"Synthetic weights: the models are a random-weight '{preset.Name}' llama model (seed {settings.Seed}) and its quantizations made by llama.cpp, so speed, size and memory are real but the models say nothing.");
        }
        else
        {
            models = ModelInspector.DescribeAll(settings.Models);
        }

        var hashClock = Stopwatch.StartNew();
        var hashed = ImmutableArray.CreateBuilder<ModelDescriptor>();
        foreach (var model in models)
        {
            hashed.Add(model with { Sha256 = await FileHasher.Sha256Async(model.Path, cancellationToken) });
        }

        phases.Add(new PhaseDuration("hash", hashClock.Elapsed.TotalSeconds));

        var machine = MachineFingerprintReader.Read();
        foreach (var warning in MachineLoadCheck.Check(machine, benchmark.Threads))
        {
            notes.Add("Noisy machine: " + warning.Message);
        }

        var bandwidthClock = Stopwatch.StartNew();
        var bandwidth = settings.NoBandwidth ? null : MemoryBandwidthProbe.Measure(benchmark.Threads, cancellationToken: cancellationToken);
        phases.Add(new PhaseDuration("bandwidth", bandwidthClock.Elapsed.TotalSeconds));

        string output = settings.Output ?? Path.Combine("quantbench-results", started.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture));
        var run = new RunResult
        {
            ToolVersion = typeof(RunCommand).Assembly.GetName().Version?.ToString(3) ?? "0.0.0",
            StartedUtc = started,
            Settings = benchmark,
            Engine = new LlamaCppBackend().Describe(),
            Machine = machine,
            MemoryBandwidth = bandwidth,
            SyntheticWeights = synthetic,
            Notes = notes.ToImmutable(),
            Phases = phases.ToImmutable(),
        };
        var plan = new RunPlan(hashed.ToImmutable(), run);
        plan.Write(output);
        return (plan, run, output);
    }
}
