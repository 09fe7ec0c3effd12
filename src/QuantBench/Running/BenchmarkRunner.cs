using QuantBench.Progress;
using QuantBench.Reports;
using QuantBench.Results;

namespace QuantBench.Running;

/// <summary>
/// Runs each model's scenarios, each in its own worker, and rewrites the output folder after each model,
/// so that an interrupted run leaves a valid results.json and report holding every model finished so far.
/// Quality needs the baseline's log-probabilities first: the baseline's quality job runs before any model.
/// </summary>
public sealed class BenchmarkRunner(IModelRunner runner, CompositeExporter exporter)
{
    /// <summary>Memory the machine has available, for refusing models that cannot fit; null: do not check.</summary>
    public long? AvailableMemoryBytes { get; init; }

    /// <summary>Lines from exporters that failed, kept so the CLI can say so at the end.</summary>
    public List<string> ExportFailures { get; } = [];

    /// <summary>The run as of the last finished model; what an interrupted run still has.</summary>
    public RunResult? LastRun { get; private set; }

    public async Task<RunResult> RunAsync(
        RunResult run,
        IReadOnlyList<ModelDescriptor> models,
        string outputDirectory,
        IProgress<BenchmarkProgress>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(models);
        Directory.CreateDirectory(outputDirectory);
        string journal = Path.Combine(outputDirectory, "journal.jsonl");
        LastRun = run;
        var settings = run.Settings;
        using var quality = settings.Scenarios.Contains(Scenario.Quality) ? new QualityBaseline(runner, settings, models) : null;
        if (quality is not null)
        {
            await quality.PrepareAsync(progress, cancellationToken).ConfigureAwait(false);
        }

        var interleaved = settings.Interleave && settings.Scenarios.Contains(Scenario.Latency)
            ? await InterleavedLatency.RunAsync(runner, models, settings, progress, cancellationToken).ConfigureAwait(false)
            : null;
        foreach (var model in models)
        {
            var result = await MeasureAsync(model, settings, quality, interleaved, progress, cancellationToken).ConfigureAwait(false);
            result = result with { Roofline = ResourceEstimate.Roofline(result, run.MemoryBandwidth, settings) };
            run = run with { Models = run.Models.Add(result) };
            LastRun = run;
            await File.AppendAllTextAsync(journal, ResultsJson.SerializeLine(result) + "\n", CancellationToken.None).ConfigureAwait(false);
            ExportFailures.AddRange(exporter.Export(run, outputDirectory));
        }

        return run;
    }

    private async Task<ModelResult> MeasureAsync(
        ModelDescriptor model,
        BenchmarkSettings settings,
        QualityBaseline? quality,
        IReadOnlyDictionary<string, ModelResult>? interleaved,
        IProgress<BenchmarkProgress>? progress,
        CancellationToken cancellationToken)
    {
        long needed = ResourceEstimate.MemoryBytes(model, settings);
        if (!settings.Force && AvailableMemoryBytes is { } available && needed > available)
        {
            return ModelResult.Failed(model, $"needs about {Units.Bytes(needed)} of memory (weights, KV cache, buffers) but {Units.Bytes(available)} is available; --force measures it anyway");
        }

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
