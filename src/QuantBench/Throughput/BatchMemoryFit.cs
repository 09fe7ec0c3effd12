namespace QuantBench.Throughput;

/// <summary>
/// The largest batch whose KV cache fits in the memory left for it. A sequence of the sweep's shape
/// needs (P + N) tokens of KV cache; compute buffers are sized by the micro-batch, not by B, and are left out.
/// </summary>
public sealed record BatchMemoryFit
{
    /// <summary>Bytes available to batch state: the memory limit minus the worker's resident set after the model loaded.</summary>
    public required long AvailableBytes { get; init; }

    /// <summary>Where the limit came from: <c>setting</c> (--memory-limit) or <c>MemAvailable</c> (/proc/meminfo at the time of the sweep).</summary>
    public required string LimitSource { get; init; }

    public required long KvCacheBytesPerSequence { get; init; }

    /// <summary>floor(available / bytes per sequence): the largest B that fits, swept or not.</summary>
    public required long LargestBatchSize { get; init; }

    /// <summary>The largest swept batch size that fits, or null when none does.</summary>
    public int? LargestSweptBatchSize { get; init; }

    public static BatchMemoryFit Compute(long availableBytes, string limitSource, long kvCacheBytesPerSequence, IEnumerable<int> sweptBatchSizes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(kvCacheBytesPerSequence, 1);
        ArgumentNullException.ThrowIfNull(sweptBatchSizes);
        long available = Math.Max(0, availableBytes);
        long largest = available / kvCacheBytesPerSequence;
        var fitting = sweptBatchSizes.Where(b => b <= largest).ToArray();
        return new BatchMemoryFit
        {
            AvailableBytes = available,
            LimitSource = limitSource,
            KvCacheBytesPerSequence = kvCacheBytesPerSequence,
            LargestBatchSize = largest,
            LargestSweptBatchSize = fitting.Length > 0 ? fitting.Max() : null,
        };
    }
}
