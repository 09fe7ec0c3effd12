namespace QuantBench.Memory;

/// <summary>
/// The few NVML calls QuantBench makes, behind a seam so that sampling and aggregation are tested with
/// a fake; <see cref="NvmlNativeApi"/> is the real one. Devices are addressed by index.
/// </summary>
public interface INvmlApi : IDisposable
{
    /// <summary>nvmlDeviceGetCount_v2.</summary>
    NvmlResult GetDeviceCount(out int count);

    /// <summary>nvmlDeviceGetName.</summary>
    NvmlResult GetDeviceName(int index, out string name);

    /// <summary>nvmlDeviceGetMemoryInfo.</summary>
    NvmlResult GetMemoryInfo(int index, out NvmlDeviceMemory memory);

    /// <summary>nvmlDeviceGetComputeRunningProcesses (newest version the driver has).</summary>
    NvmlResult GetComputeRunningProcesses(int index, out IReadOnlyList<NvmlProcessMemory> processes);
}
