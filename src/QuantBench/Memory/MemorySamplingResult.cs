using System.Collections.Immutable;

namespace QuantBench.Memory;

/// <summary>Everything a <see cref="MemorySampler"/> recorded between Start and Stop.</summary>
public sealed record MemorySamplingResult
{
    /// <summary>Highest resident set over all readings.</summary>
    public required MemoryFigure PeakResident { get; init; }

    /// <summary>Highest resident anonymous memory over all readings.</summary>
    public required MemoryFigure PeakAnonymousResident { get; init; }

    /// <summary>Highest resident file-backed memory over all readings.</summary>
    public required MemoryFigure PeakFileResident { get; init; }

    /// <summary>
    /// VmHWM read at Stop: catches spikes between readings, but covers the process since its start
    /// unless <see cref="HighWaterMarkWasReset"/>. Null when unavailable.
    /// </summary>
    public required MemoryFigure? KernelPeakResident { get; init; }

    /// <summary>Whether VmHWM was reset at Start, so <see cref="KernelPeakResident"/> covers this sampling only.</summary>
    public required bool HighWaterMarkWasReset { get; init; }

    /// <summary>Number of readings.</summary>
    public required int SampleCount { get; init; }

    /// <summary>Time from Start to Stop.</summary>
    public required double DurationMs { get; init; }

    /// <summary>Mean gap between readings actually achieved (the requested interval is a target).</summary>
    public required double MeanIntervalMs { get; init; }

    /// <summary>Largest gap between readings: the longest stretch in which a spike could hide.</summary>
    public required double MaxIntervalMs { get; init; }

    /// <summary>Per-phase figures, in the order the phases were marked.</summary>
    public required ImmutableArray<MemoryPhasePeak> Phases { get; init; }

    /// <summary>The readings, when a series was requested; empty otherwise.</summary>
    public required ImmutableArray<MemorySample> Series { get; init; }

    /// <summary>True when the series reached its cap and later readings were kept only in the peaks.</summary>
    public required bool SeriesTruncated { get; init; }
}
