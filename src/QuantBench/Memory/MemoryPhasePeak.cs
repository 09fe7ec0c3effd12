namespace QuantBench.Memory;

/// <summary>
/// What the sampler saw while one phase (baseline, load, prefill, decode...) was current.
/// A phase shorter than the interval may have no sample: then <see cref="SampleCount"/> is 0 and the figures are 0.
/// </summary>
public sealed record MemoryPhasePeak
{
    /// <summary>The name given to <see cref="MemorySampler.MarkPhase"/>.</summary>
    public required string Phase { get; init; }

    /// <summary>When the phase began, from the sampler's start.</summary>
    public required double StartMs { get; init; }

    /// <summary>When the next phase began or sampling stopped.</summary>
    public required double EndMs { get; init; }

    /// <summary>Readings taken during the phase.</summary>
    public required int SampleCount { get; init; }

    /// <summary>Highest resident set seen during the phase.</summary>
    public required MemoryFigure PeakResident { get; init; }

    /// <summary>Highest resident anonymous memory seen during the phase.</summary>
    public required MemoryFigure PeakAnonymousResident { get; init; }

    /// <summary>Highest resident file-backed memory seen during the phase (mmap'd weights).</summary>
    public required MemoryFigure PeakFileResident { get; init; }

    /// <summary>Resident set at the phase's first reading; with <see cref="LastResidentBytes"/> it gives what the phase added.</summary>
    public required long FirstResidentBytes { get; init; }

    /// <summary>Resident set at the phase's last reading.</summary>
    public required long LastResidentBytes { get; init; }
}
