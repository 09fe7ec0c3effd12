namespace QuantBench.Memory;

/// <summary>One GPU's memory at one moment, in bytes.</summary>
public sealed record GpuDeviceMemory
{
    /// <summary>NVML device index.</summary>
    public required int Index { get; init; }

    /// <summary>Device name, e.g. "NVIDIA H200".</summary>
    public required string Name { get; init; }

    /// <summary>Installed memory.</summary>
    public required long TotalBytes { get; init; }

    /// <summary>Used by everything on the device (all processes and the driver's reservation).</summary>
    public required long UsedBytes { get; init; }

    /// <summary>
    /// Used by the watched process; null where NVML does not list it with a figure (in a container NVML
    /// lists host PIDs, which do not match ours: use the change in <see cref="UsedBytes"/> instead).
    /// </summary>
    public required long? ProcessUsedBytes { get; init; }
}
