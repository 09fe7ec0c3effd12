using System.Collections.Immutable;
using QuantBench.Engines;
using QuantBench.Throughput;

namespace QuantBench.Results;

/// <summary>Everything measured for one model, or why it failed.</summary>
public sealed record ModelResult
{
    public required ModelDescriptor Model { get; init; }
    public ModelStatus Status { get; init; } = ModelStatus.Succeeded;
    /// <summary>One line saying why the model failed (null when it succeeded).</summary>
    public string? Failure { get; init; }
    public EngineInfo? Engine { get; init; }
    public double LoadTimeMs { get; init; }
    /// <summary>KV cache, compute and weight buffers as the engine reported them for the latency test's context.</summary>
    public EngineBuffers? Buffers { get; init; }
    public MemoryResult? Memory { get; init; }
    public LatencyResult? Latency { get; init; }
    /// <summary>The decode rate against the memory-bandwidth limit; null when bandwidth was not measured.</summary>
    public RooflineResult? Roofline { get; init; }
    /// <summary>With <c>--interleave</c>: ratios against the baseline paired round by round.</summary>
    public ImmutableArray<PairedRatio> PairedRatios { get; init; } = [];
    /// <summary>Perplexity, and KL divergence against the baseline (null for the baseline itself); null when not measured.</summary>
    public Quality.QualityResult? Quality { get; init; }
    /// <summary>Reasons not to trust this model's figures as they stand (noise, modes, outliers, unmet precision).</summary>
    public ImmutableArray<string> Warnings { get; init; } = [];
    /// <summary>Batch sweep, mixed load and context depth; null when the throughput scenario did not run.</summary>
    public ThroughputResult? Throughput { get; init; }
    /// <summary>Accuracy on each task file (HellaSwag, Winogrande, multiple choice); empty when the tasks scenario did not run.</summary>
    public ImmutableArray<Tasks.TaskAccuracy> Tasks { get; init; } = [];

    public static ModelResult Failed(ModelDescriptor model, string failure) => new()
    {
        Model = model,
        Status = ModelStatus.Failed,
        Failure = failure,
    };
}
