namespace QuantBench.Results;

/// <summary>
/// Peak resident memory of the worker during one phase (baseline, load, warm-up, measure, prefill,
/// decode), by two methods: the kernel's high-water mark VmHWM, reset at the phase's start, read at its
/// end (catches every spike); and the parent's sampler of VmRSS (split into anonymous and file-backed).
/// </summary>
public sealed record PhaseMemory
{
    public required string Phase { get; init; }
    /// <summary>VmHWM over the phase; null where the kernel does not allow resetting it.</summary>
    public long? KernelPeakResidentBytes { get; init; }
    public long? SampledPeakResidentBytes { get; init; }
    /// <summary>Anonymous part (the process's own memory: KV cache, buffers, weights read without mmap).</summary>
    public long? SampledPeakAnonymousBytes { get; init; }
    /// <summary>File-backed part (mmap'd weights in the page cache).</summary>
    public long? SampledPeakFileBytes { get; init; }
    public int SampleCount { get; init; }
}
