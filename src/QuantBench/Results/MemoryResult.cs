using System.Collections.Immutable;

namespace QuantBench.Results;

/// <summary>
/// Resident memory of the worker process that ran one model. Peaks are true peaks (the kernel's
/// high-water mark, and a sampler at 200 Hz in the parent), not snapshots taken after the run.
/// </summary>
public sealed record MemoryResult
{
    /// <summary>Resident set before the model was loaded (the runtime's own footprint).</summary>
    public long BaselineResidentBytes { get; init; }
    /// <summary>Resident set right after load and context creation.</summary>
    public long ResidentAfterLoadBytes { get; init; }
    /// <summary>Peak resident set of the worker over its whole life (VmHWM).</summary>
    public long PeakResidentBytes { get; init; }
    /// <summary>Peak resident set seen by the parent's sampler over the worker's life.</summary>
    public long? SampledPeakResidentBytes { get; init; }
    public long? SampledPeakAnonymousBytes { get; init; }
    public long? SampledPeakFileBytes { get; init; }
    /// <summary>The sampler's achieved mean and largest gap between readings: a spike shorter than the gap can hide from it.</summary>
    public double? SamplerMeanIntervalMs { get; init; }
    public double? SamplerMaxIntervalMs { get; init; }
    /// <summary>Per phase, both methods.</summary>
    public ImmutableArray<PhaseMemory> Phases { get; init; } = [];
    /// <summary>GPU memory, or why there is none (no NVIDIA library or device).</summary>
    public GpuMemoryResult? Gpu { get; init; }
}
