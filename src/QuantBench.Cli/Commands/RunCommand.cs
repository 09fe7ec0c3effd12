using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using QuantBench.Cli.Rendering;
using QuantBench.LlamaCpp;
//MACHINE using QuantBench.Machine;
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
        var benchmark = settings.ToBenchmarkSettings();
        var phases = ImmutableArray.CreateBuilder<PhaseDuration>();
        var notes = ImmutableArray.CreateBuilder<string>();
        var started = DateTimeOffset.UtcNow;
        IReadOnlyList<ModelDescriptor> models;
        bool synthetic = settings.Models.Length == 0;

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
            notes.Add($"Synthetic weights: the models are a random-weight '{preset.Name}' llama model (seed {settings.Seed}) and its quantizations, so speed and memory are real but the models say nothing; quality figures only show how far each level strays from its source.");
        }
        else
        {
            models = ModelInspector.DescribeAll(settings.Models);
        }

        string output = settings.Output ?? Path.Combine("quantbench-results", started.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture));
        var backend = new LlamaCppBackend();
        var run = new RunResult
        {
            ToolVersion = typeof(RunCommand).Assembly.GetName().Version?.ToString(3) ?? "0.0.0",
            StartedUtc = started,
            Settings = benchmark,
            Engine = backend.Describe(),
            //MACHINE Machine = MachineFingerprintReader.Read(),
            SyntheticWeights = synthetic,
            Notes = notes.ToImmutable(),
        };

        var runner = new BenchmarkRunner(
            new WorkerProcessModelRunner(WorkerCommand.ForCli(typeof(RunCommand).Assembly.Location)),
            ReportExporters.All);
        var measureClock = Stopwatch.StartNew();
        bool interrupted = false;
        try
        {
            run = await ProgressView.RunAsync(console, "measure", (progress, ct) =>
                runner.RunAsync(run, models, output, progress, ct), cancellationToken);
        }
        catch (OperationCanceledException)
        {
            interrupted = true;
            run = runner.LastRun ?? run;
        }

        phases.Add(new PhaseDuration("measure", measureClock.Elapsed.TotalSeconds));
        run = run with { FinishedUtc = DateTimeOffset.UtcNow, Phases = phases.ToImmutable() };
        var failures = ReportExporters.All.Export(run, output);
        ResultsView.Render(console, run);
        foreach (string failure in failures.Concat(runner.ExportFailures).Distinct())
        {
            console.MarkupLineInterpolated($"[yellow]warning:[/] could not write {failure}");
        }

        console.MarkupLineInterpolated($"Results: [link]{Path.GetFullPath(output)}[/] (results.json, report.md, report.html)");
        if (interrupted)
        {
            console.MarkupLine("[yellow]Interrupted:[/] the results above hold every model finished before the interruption.");
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
}
