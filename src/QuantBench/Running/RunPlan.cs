using System.Collections.Immutable;
using QuantBench.Engines;
using QuantBench.Machine;
using QuantBench.Results;
using QuantBench.Settings;

namespace QuantBench.Running;

/// <summary>
/// What a run sets out to measure, made by <c>Planning.RunPlanner</c> before anything is measured: the prepared,
/// hashed models, the settings, the machine and its bandwidth. Written as plan.json so that <c>run --resume DIR</c>
/// can finish an interrupted run without repeating finished models.
/// </summary>
public sealed record RunPlan
{
    public required ImmutableArray<ModelDescriptor> Models { get; init; }
    public required BenchmarkSettings Settings { get; init; }
    public required string ToolVersion { get; init; }
    public required DateTimeOffset StartedUtc { get; init; }
    public EngineInfo? Engine { get; init; }
    public MachineFingerprint? Machine { get; init; }
    public MemoryBandwidthResult? MemoryBandwidth { get; init; }
    /// <summary>True when the weights were generated at random (the embedded default).</summary>
    public bool SyntheticWeights { get; init; }
    /// <summary>Models the plan refuses to measure, with the reason (e.g. they cannot fit in memory).</summary>
    public ImmutableArray<RefusedModel> Refused { get; init; } = [];
    /// <summary>How long each planning phase took (generate, quantize, hash, bandwidth), in order.</summary>
    public ImmutableArray<PhaseDuration> Phases { get; init; } = [];
    public ImmutableArray<string> Notes { get; init; } = [];

    /// <summary>The run before any model is measured: the plan's conditions and no models.</summary>
    public RunResult Start() => new()
    {
        ToolVersion = ToolVersion,
        StartedUtc = StartedUtc,
        Settings = Settings,
        Engine = Engine,
        Machine = Machine,
        MemoryBandwidth = MemoryBandwidth,
        SyntheticWeights = SyntheticWeights,
        Notes = Notes,
        Phases = Phases,
    };

    /// <summary>The models not yet measured in <paramref name="reached"/>, in the plan's order.</summary>
    public ImmutableArray<ModelDescriptor> Remaining(RunResult reached) =>
        Models.Where(m => reached.Models.All(done => done.Model.Path != m.Path)).ToImmutableArray();

    /// <summary>Why the plan refuses <paramref name="model"/>; null when it is to be measured.</summary>
    public string? RefusalOf(ModelDescriptor model) => Refused.FirstOrDefault(r => r.Path == model.Path)?.Reason;
}
