using QuantBench.Progress;
using QuantBench.Results;
using QuantBench.Settings;

namespace QuantBench.Running;

/// <summary>
/// The baseline of a run's quality measurements: which model it is, and its log-probability store in a
/// temporary folder (deleted with the run), written by the baseline's own quality job before any other.
/// </summary>
internal sealed class QualityBaseline(IModelRunner runner, BenchmarkSettings settings, IReadOnlyList<ModelDescriptor> models) : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("quantbench-quality-").FullName;
    private ModelResult? baselineResult;

    private string StorePath => Path.Combine(directory, "baseline.logprobs");

    /// <summary>The run's <see cref="BaselinePolicy"/> pick.</summary>
    internal ModelDescriptor Baseline { get; } = Choose(settings, models);

    private static ModelDescriptor Choose(BenchmarkSettings settings, IReadOnlyList<ModelDescriptor> models)
    {
        var policy = new BaselinePolicy(settings.Quality.BaselinePath);
        var picked = policy.Pick(models);
        // A --baseline model outside the run is described and evaluated as it is; the others are compared with it.
        return settings.Quality.BaselinePath is { } path && (picked is null || !policy.IsChosen(picked))
            ? Preparation.ModelInspector.Describe(path, "baseline")
            : picked ?? throw new ArgumentException("no model to take as the quality baseline", nameof(models));
    }

    internal async Task PrepareAsync(IProgress<BenchmarkProgress>? progress, CancellationToken cancellationToken)
    {
        var job = new WorkerJob(Scenario.Quality, Baseline, settings) { QualityStorePath = StorePath, IsQualityBaseline = true };
        baselineResult = await runner.RunAsync(job, progress, cancellationToken).ConfigureAwait(false);
    }

    internal async Task<ModelResult> MeasureAsync(ModelDescriptor model, IProgress<BenchmarkProgress>? progress, CancellationToken cancellationToken)
    {
        if (baselineResult is null or { Status: ModelStatus.Failed })
        {
            // Without a baseline there is nothing to compare with; the model's other figures stand.
            return new ModelResult { Model = model, Warnings = [$"quality not measured: the baseline {Baseline.Label} could not be evaluated ({baselineResult?.Failure ?? "not run"})"] };
        }

        if (baselineResult.Quality is null)
        {
            return new ModelResult { Model = model, Warnings = baselineResult.Warnings };
        }

        if (model.Path == Baseline.Path)
        {
            return baselineResult with { Model = model };
        }

        var job = new WorkerJob(Scenario.Quality, model, settings) { QualityStorePath = StorePath };
        return await runner.RunAsync(job, progress, cancellationToken).ConfigureAwait(false);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder loses nothing measured.
        }
    }
}
