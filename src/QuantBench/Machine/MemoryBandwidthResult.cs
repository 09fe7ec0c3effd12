namespace QuantBench.Machine;

/// <summary>Best read bandwidth measured by <see cref="MemoryBandwidthProbe"/>.</summary>
public sealed record MemoryBandwidthResult
{
    /// <summary>Bytes read per second in the fastest pass.</summary>
    public required double BytesPerSecond { get; init; }

    /// <summary>The same in decimal gigabytes (1e9) per second, the unit vendors quote.</summary>
    public double GigabytesPerSecond => BytesPerSecond / 1e9;

    /// <summary>Threads that read at once.</summary>
    public required int Threads { get; init; }

    /// <summary>Size of the buffer read in each pass.</summary>
    public required long BufferBytes { get; init; }

    /// <summary>Passes made; the best is reported because interference only ever slows a pass.</summary>
    public required int Passes { get; init; }

    /// <summary>Duration of the fastest pass.</summary>
    public required double BestPassSeconds { get; init; }

    /// <summary>Widest vector used for loads: 512, 256 or 128 bits.</summary>
    public required int VectorBits { get; init; }
}
