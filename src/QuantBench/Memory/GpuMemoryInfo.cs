using System.Collections.Immutable;

namespace QuantBench.Memory;

/// <summary>GPU memory across all devices at one moment, or why it is unavailable (no driver, no GPU).</summary>
public sealed record GpuMemoryInfo
{
    /// <summary>False where NVML could not be used; <see cref="UnavailableReason"/> says why.</summary>
    public required bool IsAvailable { get; init; }

    /// <summary>Why the figures are missing; null when available.</summary>
    public string? UnavailableReason { get; init; }

    /// <summary>Each device's figures.</summary>
    public ImmutableArray<GpuDeviceMemory> Devices { get; init; } = [];

    /// <summary>Sum of <see cref="GpuDeviceMemory.UsedBytes"/> over devices.</summary>
    public long DeviceUsedBytes => Devices.Sum(d => d.UsedBytes);

    /// <summary>Sum of <see cref="GpuDeviceMemory.TotalBytes"/> over devices.</summary>
    public long DeviceTotalBytes => Devices.Sum(d => d.TotalBytes);

    /// <summary>The watched process's use summed over devices; null when no device reports it.</summary>
    public long? ProcessUsedBytes =>
        Devices.Any(d => d.ProcessUsedBytes is not null) ? Devices.Sum(d => d.ProcessUsedBytes ?? 0) : null;

    /// <summary>A reading that carries only the reason it could not be taken.</summary>
    public static GpuMemoryInfo Unavailable(string reason) => new() { IsAvailable = false, UnavailableReason = reason };
}
