using System.Collections.Immutable;

namespace QuantBench.Machine;

/// <summary>Best read bandwidth measured by <see cref="MemoryBandwidthProbe"/>, its spread across rounds, and a STREAM-style triad figure.</summary>
public sealed record MemoryBandwidthResult
{
    /// <summary>Bytes read per second in the fastest pass of the fastest round: the roofline's bandwidth.</summary>
    public required double BytesPerSecond { get; init; }

    /// <summary>The same in decimal gigabytes (1e9) per second, the unit vendors quote.</summary>
    public double GigabytesPerSecond => BytesPerSecond / 1e9;

    /// <summary>Threads that read at once.</summary>
    public required int Threads { get; init; }

    /// <summary>Size of the buffer read in each pass.</summary>
    public required long BufferBytes { get; init; }

    /// <summary>Read passes made in all rounds; the best is reported because interference only ever slows a pass.</summary>
    public required int Passes { get; init; }

    /// <summary>Duration of the fastest read pass.</summary>
    public required double BestPassSeconds { get; init; }

    /// <summary>Widest vector used for loads: 512, 256 or 128 bits.</summary>
    public required int VectorBits { get; init; }

    /// <summary>Each round's read figure (its fastest pass), in bytes per second; empty in results from before rounds.</summary>
    public ImmutableArray<double> RoundBytesPerSecond { get; init; } = [];

    /// <summary>(fastest - slowest round) / fastest round of the read figure; null in results from before rounds.</summary>
    public double? RelativeSpread { get; init; }

    /// <summary>Whether the rounds disagree too much (<see cref="BandwidthRounds.MaxTrustedSpread"/>) to trust shares of the roofline.</summary>
    public bool IsSpreadTooWide => RelativeSpread is { } spread && BandwidthRounds.IsTooWide(spread);

    /// <summary>STREAM triad a[i] = b[i] + s·c[i], best round, counted as STREAM does (3 × 8 bytes per element; write-allocate not counted); null when not measured.</summary>
    public double? TriadBytesPerSecond { get; init; }

    /// <summary>Each round's triad figure in bytes per second.</summary>
    public ImmutableArray<double> RoundTriadBytesPerSecond { get; init; } = [];

    /// <summary>The CPUs the reader threads were pinned to, one per thread; empty when they could not be pinned.</summary>
    public ImmutableArray<int> PinnedCpus { get; init; } = [];

    /// <summary>Size of the level-3 cache the buffer was sized against; null when unknown.</summary>
    public long? L3CacheBytes { get; init; }
}
