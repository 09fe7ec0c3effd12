using System.Collections.Immutable;
using System.Diagnostics;
using QuantBench.Engines;
using QuantBench.Machine;
using QuantBench.Progress;
using QuantBench.Reports;
using QuantBench.Results;
using QuantBench.Running;
using QuantBench.Settings;

namespace QuantBench.Planning;

/// <summary>
/// The first step of a run: prepares the models (or the embedded default), hashes them, reads the machine's
/// fingerprint, measures its memory bandwidth and refuses models that clearly cannot fit; the result is a
/// <see cref="RunPlan"/> for the runner. Nothing is measured here.
/// </summary>
public sealed class RunPlanner(IMachineProbe machine, EngineInfo? engine, string toolVersion, TimeProvider? time = null)
{
    private readonly TimeProvider clock = time ?? TimeProvider.System;

    public async Task<RunPlan> PlanAsync(
        BenchmarkSettings settings,
        IModelSource source,
        bool measureBandwidth,
        IProgress<BenchmarkProgress>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(source);
        var started = clock.GetUtcNow();
        var prepared = await source.PrepareAsync(settings.Threads, progress, cancellationToken).ConfigureAwait(false);
        var phases = prepared.Phases.ToBuilder();
        var notes = ImmutableArray.CreateBuilder<string>();
        if (source.SyntheticWeightsNote is { } synthetic)
        {
            notes.Add(synthetic);
        }

        var hashClock = Stopwatch.StartNew();
        var hashed = ImmutableArray.CreateBuilder<ModelDescriptor>();
        foreach (var model in prepared.Models)
        {
            hashed.Add(model with { Sha256 = await FileHasher.Sha256Async(model.Path, cancellationToken).ConfigureAwait(false) });
        }

        phases.Add(new PhaseDuration("hash", hashClock.Elapsed.TotalSeconds));

        var fingerprint = machine.ReadFingerprint();
        foreach (var warning in MachineLoadCheck.Check(fingerprint, settings.Threads))
        {
            notes.Add("Noisy machine: " + warning.Message);
        }

        var bandwidthClock = Stopwatch.StartNew();
        var bandwidth = measureBandwidth ? machine.MeasureBandwidth(settings.Threads, cancellationToken) : null;
        phases.Add(new PhaseDuration("bandwidth", bandwidthClock.Elapsed.TotalSeconds));

        return new RunPlan
        {
            Models = hashed.ToImmutable(),
            Settings = settings,
            ToolVersion = toolVersion,
            StartedUtc = started,
            Engine = engine,
            Machine = fingerprint,
            MemoryBandwidth = bandwidth,
            SyntheticWeights = source.SyntheticWeightsNote is not null,
            Refused = Refusals(hashed, settings, fingerprint.AvailableMemoryBytes),
            Phases = phases.ToImmutable(),
            Notes = notes.ToImmutable(),
        };
    }

    /// <summary>The models that need more memory than is available, unless <c>--force</c>.</summary>
    internal static ImmutableArray<RefusedModel> Refusals(IEnumerable<ModelDescriptor> models, BenchmarkSettings settings, long? availableBytes) =>
        settings.Force || availableBytes is not { } available
            ? []
            : [.. models
                .Select(m => (Model: m, Needed: ResourceEstimate.MemoryBytes(m, settings)))
                .Where(m => m.Needed > available)
                .Select(m => new RefusedModel(m.Model.Path,
                    $"needs about {Units.Bytes(m.Needed)} of memory (weights, KV cache, buffers) but {Units.Bytes(available)} is available; --force measures it anyway"))];
}
