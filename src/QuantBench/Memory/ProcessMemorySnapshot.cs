namespace QuantBench.Memory;

/// <summary>
/// One reading of a process's memory from <c>/proc/&lt;pid&gt;/status</c>, in bytes.
/// Fields the kernel does not report (older kernels lack the Rss* split) are 0.
/// </summary>
public sealed record ProcessMemorySnapshot
{
    /// <summary>VmRSS: resident set size now.</summary>
    public required long ResidentBytes { get; init; }

    /// <summary>VmHWM: the kernel's high-water mark of the resident set since start or the last reset.</summary>
    public required long PeakResidentBytes { get; init; }

    /// <summary>RssAnon: resident anonymous memory (heap, KV cache, CPU-side buffers).</summary>
    public long AnonymousResidentBytes { get; init; }

    /// <summary>RssFile: resident file-backed pages (a memory-mapped model file shows up here).</summary>
    public long FileResidentBytes { get; init; }

    /// <summary>RssShmem: resident shared memory.</summary>
    public long SharedMemoryResidentBytes { get; init; }

    /// <summary>VmSwap: memory swapped out; a non-zero value makes the other figures unreliable.</summary>
    public long SwapBytes { get; init; }
}
