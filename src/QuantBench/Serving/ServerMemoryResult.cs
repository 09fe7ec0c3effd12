using System.Collections.Immutable;
using QuantBench.Results;

namespace QuantBench.Serving;

/// <summary>A launched server's memory over its level: idle after load, per load point, and the peak.</summary>
public sealed record ServerMemoryResult
{
    /// <summary>Summed resident set at the end of the idle phase (after load, before any request).</summary>
    public required long IdleResidentBytes { get; init; }

    /// <summary>The highest resident figure of any phase: sampled, or the kernel's high-water mark where reset.</summary>
    public required long PeakResidentBytes { get; init; }

    /// <summary>Highest summed anonymous resident memory.</summary>
    public required long PeakAnonymousBytes { get; init; }

    /// <summary>Highest summed file-backed resident memory.</summary>
    public required long PeakFileBytes { get; init; }

    /// <summary>Most processes the tree held at once.</summary>
    public required int ProcessCount { get; init; }

    /// <summary>Mean gap between readings achieved.</summary>
    public required double SamplerMeanIntervalMs { get; init; }

    /// <summary>Longest gap between readings.</summary>
    public required double SamplerMaxIntervalMs { get; init; }

    /// <summary>Each phase in order.</summary>
    public required ImmutableArray<ServerPhaseMemory> Phases { get; init; }

    /// <summary>GPU memory through NVML summed over the tree's processes, or why unavailable ("no GPU").</summary>
    public required GpuMemoryResult Gpu { get; init; }
}
