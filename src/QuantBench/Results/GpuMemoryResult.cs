namespace QuantBench.Results;

/// <summary>GPU memory while a model ran, through NVML: the process's own use and the device-wide rise; or why unavailable.</summary>
public sealed record GpuMemoryResult
{
    public bool Available { get; init; }
    public string? UnavailableReason { get; init; }
    public long? PeakProcessUsedBytes { get; init; }
    public long? PeakDeviceUsedBytes { get; init; }
    /// <summary>Peak device-wide use minus the use before the worker started: what this model added.</summary>
    public long? PeakDeviceUsedDeltaBytes { get; init; }
}
