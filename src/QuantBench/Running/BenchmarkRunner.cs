using QuantBench.Reports;
using QuantBench.Results;

namespace QuantBench.Running;

/// <summary>
/// Measures models one after another and rewrites the output folder after each, so that an interrupted
/// run leaves a valid results.json and report holding every model finished so far.
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
        foreach (var model in models)
        {
            long needed = ResourceEstimate.MemoryBytes(model, run.Settings);
            var result = !run.Settings.Force && AvailableMemoryBytes is { } available && needed > available
                ? ModelResult.Failed(model, $"needs about {Units.Bytes(needed)} of memory (weights, KV cache, buffers) but {Units.Bytes(available)} is available; --force measures it anyway")
                : await runner.RunAsync(model, run.Settings, progress, cancellationToken).ConfigureAwait(false);
            result = result with { Roofline = ResourceEstimate.Roofline(result, run.MemoryBandwidth, run.Settings) };
            run = run with { Models = run.Models.Add(result) };
            LastRun = run;
            await File.AppendAllTextAsync(journal, ResultsJson.SerializeLine(result) + "\n", CancellationToken.None).ConfigureAwait(false);
            ExportFailures.AddRange(exporter.Export(run, outputDirectory));
        }

        return run;
    }
}
