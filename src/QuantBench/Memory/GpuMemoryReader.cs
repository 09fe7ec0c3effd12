namespace QuantBench.Memory;

/// <summary>
/// Reads GPU memory for every device through an <see cref="INvmlApi"/>. Any NVML failure yields
/// <see cref="GpuMemoryInfo.Unavailable"/>, never an exception: a benchmark must not fail for want of GPU figures.
/// </summary>
public sealed class GpuMemoryReader : IDisposable
{
    private readonly INvmlApi? _api;
    private readonly string? _unavailableReason;

    /// <summary>Uses the given API; the reader owns it and disposes it.</summary>
    public GpuMemoryReader(INvmlApi api) => _api = api ?? throw new ArgumentNullException(nameof(api));

    private GpuMemoryReader(string unavailableReason) => _unavailableReason = unavailableReason;

    /// <summary>A reader over the real NVML, or one that always answers "unavailable" with the reason.</summary>
    public static GpuMemoryReader OpenNative() =>
        NvmlNativeApi.TryLoad(out var api, out var reason) ? new GpuMemoryReader(api) : new GpuMemoryReader(reason);

    /// <summary>Reads every device, with <paramref name="processId"/>'s own use where NVML lists it.</summary>
    public GpuMemoryInfo Read(int processId) => Read([processId]);

    /// <summary>Reads every device, with the use of <paramref name="processIds"/> (a server's process tree) summed.</summary>
    public GpuMemoryInfo Read(IReadOnlyCollection<int> processIds)
    {
        ArgumentNullException.ThrowIfNull(processIds);
        if (_api is null)
            return GpuMemoryInfo.Unavailable(_unavailableReason ?? "NVML is not loaded.");

        var result = _api.GetDeviceCount(out var count);
        if (result != NvmlResult.Success)
            return GpuMemoryInfo.Unavailable($"nvmlDeviceGetCount failed: {result}.");
        if (count == 0)
            return GpuMemoryInfo.Unavailable("NVML reports no GPU.");

        var devices = new List<GpuDeviceMemory>(count);
        for (var index = 0; index < count; index++)
        {
            result = _api.GetMemoryInfo(index, out var memory);
            if (result != NvmlResult.Success)
                return GpuMemoryInfo.Unavailable($"nvmlDeviceGetMemoryInfo failed on device {index}: {result}.");
            var name = _api.GetDeviceName(index, out var n) == NvmlResult.Success ? n : $"GPU {index}";
            devices.Add(new GpuDeviceMemory
            {
                Index = index,
                Name = name,
                TotalBytes = memory.TotalBytes,
                UsedBytes = memory.UsedBytes,
                ProcessUsedBytes = ProcessUse(index, processIds),
            });
        }
        return new GpuMemoryInfo { IsAvailable = true, Devices = [.. devices] };
    }

    /// <summary>Disposes the API (which shuts NVML down).</summary>
    public void Dispose() => _api?.Dispose();

    private long? ProcessUse(int index, IReadOnlyCollection<int> processIds)
    {
        // Per-process figures are a refinement: when NVML will not give them, the device totals still stand.
        if (_api!.GetComputeRunningProcesses(index, out var processes) != NvmlResult.Success)
            return null;
        long? sum = null;
        foreach (var p in processes)
        {
            if (processIds.Contains((int)p.ProcessId) && p.UsedBytes is long used)
                sum = (sum ?? 0) + used;
        }
        return sum;
    }
}
