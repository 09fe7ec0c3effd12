namespace QuantBench.Memory;

/// <summary>What a <see cref="GpuMemorySampler"/> saw between Start and Stop, in bytes, or why it saw nothing.</summary>
public sealed record GpuMemorySamplingResult
{
    /// <summary>False when no reading succeeded; <see cref="UnavailableReason"/> says why.</summary>
    public required bool IsAvailable { get; init; }

    /// <summary>The reason of the last failed reading, when none succeeded.</summary>
    public string? UnavailableReason { get; init; }

    /// <summary>Successful readings.</summary>
    public required int SampleCount { get; init; }

    /// <summary>Device-wide use (all devices) at the first reading, before the work under test.</summary>
    public long BaselineDeviceUsedBytes { get; init; }

    /// <summary>Highest device-wide use (all devices).</summary>
    public MemoryFigure PeakDeviceUsed { get; init; }

    /// <summary>
    /// What the work added on the devices: peak minus baseline. The fallback when NVML cannot name our
    /// process (containers); it also counts other processes' changes.
    /// </summary>
    public long PeakDeviceUsedDeltaBytes => PeakDeviceUsed.Bytes - BaselineDeviceUsedBytes;

    /// <summary>Highest use NVML attributed to the watched process; null when it never did.</summary>
    public MemoryFigure? PeakProcessUsed { get; init; }

    /// <summary>Installed memory over all devices.</summary>
    public long DeviceTotalBytes { get; init; }
}
