namespace QuantBench.Memory;

/// <summary>nvmlMemory_t: device-wide figures in bytes.</summary>
public readonly record struct NvmlDeviceMemory(long TotalBytes, long FreeBytes, long UsedBytes);
