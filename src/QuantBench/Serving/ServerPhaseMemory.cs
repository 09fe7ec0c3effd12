namespace QuantBench.Serving;

/// <summary>A server's memory (its process tree summed) while one phase was current: "idle", or one load point.</summary>
public sealed record ServerPhaseMemory
{
    /// <summary>"idle" after load, or the load point's name (e.g. "c=4", "rate=2").</summary>
    public required string Phase { get; init; }

    /// <summary>Sampler readings in the phase; 0 when it was shorter than the interval.</summary>
    public required int SampleCount { get; init; }

    /// <summary>Highest summed resident set the 200 Hz sampler saw.</summary>
    public required long SampledPeakResidentBytes { get; init; }

    /// <summary>Highest summed anonymous resident memory (KV cache, compute buffers).</summary>
    public required long SampledPeakAnonymousBytes { get; init; }

    /// <summary>Highest summed file-backed resident memory (memory-mapped weights).</summary>
    public required long SampledPeakFileBytes { get; init; }

    /// <summary>Summed resident set at the phase's last reading.</summary>
    public required long LastResidentBytes { get; init; }

    /// <summary>
    /// Sum of the members' VmHWM over the phase (reset at its start); catches spikes between readings;
    /// an upper bound, as the members' peaks need not coincide. Null where the reset was not allowed.
    /// </summary>
    public long? KernelPeakResidentBytes { get; init; }
}
