using System.Diagnostics;
using System.Globalization;
using QuantBench.Cli.Rendering;
using QuantBench.LlamaCpp;
using QuantBench.Models;
using QuantBench.Planning;
using QuantBench.Preparation;
using QuantBench.Reports;
using QuantBench.Results;
using QuantBench.Running;
using QuantBench.Synthetic;
using Spectre.Console;
using Spectre.Console.Cli;

namespace QuantBench.Cli.Commands;

/// <summary>
/// <c>quantbench run</c>: plan (prepare the models or the embedded default, hash them, read the machine), run the
/// plan with each model in its own worker, the results folder as the runner's sink, then show the results.
/// </summary>
internal sealed class RunCommand(IAnsiConsole console, RunEnvironment environment) : AsyncCommand<RunSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, RunSettings settings, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        if (settings.LlamaLibrary is { } library)
        {
            LlamaCppBackend.UseLibrary(library);
        }

        var (plan, reached, output) = settings.Resume is { } resume
            ? ResumePlan(resume)
            : await NewPlanAsync(settings, cancellationToken);

        var folder = new ResultsFolder(output, CliExporters.Default);
        var runner = new BenchmarkRunner(environment.ModelRunner());
        var outcome = await ProgressView.RunAsync(console, "measure", (progress, ct) => runner.RunAsync(plan, reached, folder, progress, ct), cancellationToken);
        var run = outcome.Run;

        ResultsView.Render(console, run);
        foreach (string failure in folder.Failures)
        {
            console.MarkupLineInterpolated($"[yellow]warning:[/] could not write {failure}");
        }

        console.MarkupLineInterpolated($"Results: {Path.GetFullPath(output)} (results.json, report.md); total {clock.Elapsed.TotalSeconds:0.0} s");
        if (outcome.Interrupted)
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

    private (RunPlan Plan, RunResult Reached, string Output) ResumePlan(string directory)
    {
        var (plan, reached) = RunPlanFile.Resume(directory);
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

    private async Task<(RunPlan Plan, RunResult Reached, string Output)> NewPlanAsync(RunSettings settings, CancellationToken cancellationToken)
    {
        IModelSource source = settings.Models.Length > 0 ? new ModelFiles(settings.Models) : EmbeddedDefault(settings);
        var planner = new RunPlanner(environment.Machine, environment.DescribeEngine(), typeof(RunCommand).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");
        var plan = await ProgressView.RunAsync(console, "prepare", (progress, ct) =>
            planner.PlanAsync(settings.ToBenchmarkSettings(), source, measureBandwidth: !settings.NoBandwidth, progress, ct), cancellationToken);
        string output = settings.Output ?? Path.Combine("quantbench-results", plan.StartedUtc.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture));
        RunPlanFile.Write(plan, output);
        return (plan, plan.Start(), output);
    }

    private SyntheticModels EmbeddedDefault(RunSettings settings) =>
        EmbeddedLadder.Source(console, settings.Preset, settings.Seed, settings.Types, settings.Cache, environment.Quantizer());
}
