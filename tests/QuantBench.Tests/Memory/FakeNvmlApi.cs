using QuantBench.Memory;

namespace QuantBench.Tests.Memory;

/// <summary>Scripted NVML: each device's memory and process list can be changed between readings.</summary>
internal sealed class FakeNvmlApi : INvmlApi
{
    public NvmlResult CountResult { get; set; } = NvmlResult.Success;
    public NvmlResult ProcessesResult { get; set; } = NvmlResult.Success;
    public List<(string Name, NvmlDeviceMemory Memory, List<NvmlProcessMemory> Processes)> Devices { get; } = [];
    public bool Disposed { get; private set; }

    public NvmlResult GetDeviceCount(out int count)
    {
        count = Devices.Count;
        return CountResult;
    }

    public NvmlResult GetDeviceName(int index, out string name)
    {
        name = Devices[index].Name;
        return NvmlResult.Success;
    }

    public NvmlResult GetMemoryInfo(int index, out NvmlDeviceMemory memory)
    {
        memory = Devices[index].Memory;
        return NvmlResult.Success;
    }

    public NvmlResult GetComputeRunningProcesses(int index, out IReadOnlyList<NvmlProcessMemory> processes)
    {
        processes = [.. Devices[index].Processes];
        return ProcessesResult;
    }

    public void SetUsed(int index, long usedBytes)
    {
        var d = Devices[index];
        Devices[index] = d with { Memory = d.Memory with { UsedBytes = usedBytes, FreeBytes = d.Memory.TotalBytes - usedBytes } };
    }

    public void Dispose() => Disposed = true;
}
