namespace QuantBench.Memory;

/// <summary>
/// One compute process on a device as NVML reports it. <see cref="UsedBytes"/> is null where NVML
/// gives NVML_VALUE_NOT_AVAILABLE (e.g. without permission, or under some virtualisation).
/// </summary>
public readonly record struct NvmlProcessMemory(uint ProcessId, long? UsedBytes);
