using System.Collections.Immutable;
using QuantBench.Engines;
using QuantBench.Machine;
using QuantBench.Running;
using QuantBench.Serving;

namespace QuantBench.Results;

/// <summary>
/// A whole run: the conditions it ran under and every model's result. Immutable: everything after the
/// run (reports, exporters, comparisons) sees only this.
/// </summary>
public sealed record RunResult
{
    /// <summary>
    /// Bumped whenever a field changes meaning or is removed. 2: derived settings (<c>throughputOptions</c>, the
    /// throughput request shape, <c>effectiveContextSize</c>, <c>quality.options</c>, <c>quality.sampled</c>) are no
    /// longer written, each setting appears once; version 1 files still read.
    /// </summary>
    public const int CurrentSchemaVersion = 2;

    public int SchemaVersion { get; init; } = CurrentSchemaVersion;
    public required string ToolVersion { get; init; }
    public required DateTimeOffset StartedUtc { get; init; }
    public DateTimeOffset? FinishedUtc { get; init; }
    public required BenchmarkSettings Settings { get; init; }
    public EngineInfo? Engine { get; init; }
    public MachineFingerprint? Machine { get; init; }
    /// <summary>The machine's memory read bandwidth, measured at the start of the run (the roofline's denominator).</summary>
    public MemoryBandwidthResult? MemoryBandwidth { get; init; }
    /// <summary>True when the weights were generated at random (the embedded default): the speed is real, the text is not.</summary>
    public bool SyntheticWeights { get; init; }
    /// <summary>How long each phase of the run took (generate, quantize, measure), in order.</summary>
    public ImmutableArray<PhaseDuration> Phases { get; init; } = [];
    public ImmutableArray<ModelResult> Models { get; init; } = [];
    /// <summary>Notes for the reader, such as the synthetic-weights warning or a noisy machine.</summary>
    public ImmutableArray<string> Notes { get; init; } = [];
    /// <summary>A load test of OpenAI-compatible servers (<c>quantbench serve</c>); null for a run of models in-process.</summary>
    public ServingResult? Serving { get; init; }

    /// <summary>The reference for ratios: the model with the most bits per weight that succeeded.</summary>
    public ModelResult? Baseline => Models
        .Where(m => m.Status == ModelStatus.Succeeded)
        .OrderByDescending(m => m.Model.BitsPerWeight)
        .FirstOrDefault();
}
