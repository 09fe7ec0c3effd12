namespace QuantBench.Memory;

/// <summary>How a memory figure was obtained; reports name it beside the figure.</summary>
public enum MemoryMeasurementMethod
{
    /// <summary>VmHWM from /proc: exact peak of the resident set, whatever its duration, but for the whole process since the last reset.</summary>
    KernelHighWaterMark,

    /// <summary>Periodic reads of /proc/&lt;pid&gt;/status: attributable to phases, but can miss spikes shorter than the interval.</summary>
    Sampler,

    /// <summary>NVML queries of GPU memory, polled.</summary>
    Nvml,
}
