using System.Diagnostics;
using QuantBench.Progress;
using QuantBench.Results;
using QuantBench.Settings;

namespace QuantBench.Running;

/// <summary>
/// Runs a plan: each model's scenarios, each in its own worker, handing every finished model to the sink so that
/// an interrupted run keeps every model finished so far. Quality needs the baseline's log-probabilities first:
/// the baseline's quality job runs before any model.
/// </summary>
public sealed class BenchmarkRunner(IModelRunner runner, TimeProvider? time = null)
{
    private readonly TimeProvider clock = time ?? TimeProvider.System;

    /// <summary>
    /// Measures the plan's models not yet in <paramref name="reached"/> (all of them for a new run). A cancelled run
    /// is not an error: it returns what it reached, marked interrupted. The sink hears of every model and of the end.
    /// </summary>
    public async Task<RunOutcome> RunAsync(
        RunPlan plan,
        RunResult reached,
        IRunSink sink,
        IProgress<BenchmarkProgress>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(reached);
        ArgumentNullException.ThrowIfNull(sink);
        var measuring = Stopwatch.StartNew();
        var run = reached;
        bool interrupted = false;
        try
        {
            await foreach (var result in MeasureAllAsync(plan, plan.Remaining(reached), progress, cancellationToken).ConfigureAwait(false))
            {
                run = run with { Models = run.Models.Add(result) };
                sink.ModelFinished(run, result);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            interrupted = true;
        }

        run = run with
        {
            FinishedUtc = clock.GetUtcNow(),
            Phases = run.Phases.Add(new PhaseDuration("measure", measuring.Elapsed.TotalSeconds)),
        };
        sink.RunFinished(run);
        return new RunOutcome(run, interrupted);
    }

    private async IAsyncEnumerable<ModelResult> MeasureAllAsync(
        RunPlan plan,
        IReadOnlyList<ModelDescriptor> models,
        IProgress<BenchmarkProgress>? progress,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var settings = plan.Settings;
        var measured = models.Where(m => plan.RefusalOf(m) is null).ToArray();
        using var quality = settings.Scenarios.Contains(Scenario.Quality) && measured.Length > 0 ? new QualityBaseline(runner, settings, measured) : null;
        if (quality is not null)
        {
            await quality.PrepareAsync(progress, cancellationToken).ConfigureAwait(false);
        }

        var interleaved = settings.Interleave && settings.Scenarios.Contains(Scenario.Latency)
            ? await InterleavedLatency.RunAsync(runner, measured, settings, progress, cancellationToken).ConfigureAwait(false)
            : null;
        foreach (var model in models)
        {
            var result = plan.RefusalOf(model) is { } refusal
                ? ModelResult.Failed(model, refusal)
                : await MeasureAsync(model, settings, quality, interleaved, progress, cancellationToken).ConfigureAwait(false);
            yield return result with { Roofline = ResourceEstimate.Roofline(result, plan.MemoryBandwidth, settings) };
        }
    }

    private async Task<ModelResult> MeasureAsync(
        ModelDescriptor model,
        BenchmarkSettings settings,
        QualityBaseline? quality,
        IReadOnlyDictionary<string, ModelResult>? interleaved,
        IProgress<BenchmarkProgress>? progress,
        CancellationToken cancellationToken)
    {
        var result = new ModelResult { Model = model };
        foreach (var scenario in settings.Scenarios)
        {
            var part = scenario switch
            {
                Scenario.Quality => await quality!.MeasureAsync(model, progress, cancellationToken).ConfigureAwait(false),
                Scenario.Latency when interleaved is not null => interleaved[model.Path],
                _ => await runner.RunAsync(new WorkerJob(scenario, model, settings), progress, cancellationToken).ConfigureAwait(false),
            };
            result = ScenarioMerge.Add(result, scenario, part);
        }

        return result;
    }
}
