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
    public long KvCacheBytes { get; init; }
    public MemoryResult? Memory { get; init; }
    public LatencyResult? Latency { get; init; }
    /// <summary>Batch sweep, mixed load and context depth; null when the throughput scenario did not run.</summary>
    public ThroughputResult? Throughput { get; init; }

    public static ModelResult Failed(ModelDescriptor model, string failure) => new()
    {
        Model = model,
        Status = ModelStatus.Failed,
        Failure = failure,
    };
}
