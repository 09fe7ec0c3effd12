using System.Collections.Immutable;
using System.Text.Json.Serialization;
using QuantBench.Engines;
using QuantBench.Machine;
using QuantBench.Running;
using QuantBench.Serving;
using QuantBench.Settings;

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
    /// longer written, each setting appears once; version 1 files still read. 3: <c>baselineChoice</c> (label, path,
    /// reason) replaces <c>baseline</c>, which repeated the baseline model's whole result.
    /// </summary>
    public const int CurrentSchemaVersion = 3;

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
    /// <summary>One launched server per quantization level (<c>quantbench serve --launch</c>); null otherwise.</summary>
    public ServingLadder? Ladder { get; init; }

    /// <summary>The rule for the baseline: <c>--baseline</c>'s model, else the most bits per weight.</summary>
    [JsonIgnore]
    public BaselinePolicy BaselinePolicy => new(Settings.Quality.BaselinePath);

    /// <summary>The reference for every ratio: the <see cref="BaselinePolicy"/>'s pick among the models that succeeded.</summary>
    [JsonIgnore]
    public ModelResult? Baseline => BaselinePolicy.Pick(Models.Where(m => m.Status == ModelStatus.Succeeded));

    /// <summary>Which model is the baseline and why; written to results.json (version 2 files held the whole model here).</summary>
    public BaselineChoice? BaselineChoice => Baseline is { } baseline
        ? new BaselineChoice(baseline.Model.Label, baseline.Model.Path, BaselinePolicy.Reason(baseline.Model))
        : null;
}
