using QuantBench.Throughput;

namespace QuantBench.Tests.Throughput;

public sealed class BatchMemoryFitTests
{
    [Fact]
    public void The_largest_batch_is_the_available_memory_over_one_sequences_cache()
    {
        var fit = BatchMemoryFit.Compute(availableBytes: 1000, "setting", kvCacheBytesPerSequence: 192, [1, 2, 4, 8]);

        Assert.Equal(5, fit.LargestBatchSize);
        Assert.Equal(4, fit.LargestSweptBatchSize);
    }

    [Fact]
    public void A_batch_that_fits_exactly_counts()
    {
        var fit = BatchMemoryFit.Compute(availableBytes: 4 * 192, "setting", 192, [1, 2, 4, 8]);

        Assert.Equal(4, fit.LargestBatchSize);
        Assert.Equal(4, fit.LargestSweptBatchSize);
    }

    [Fact]
    public void When_not_even_one_sequence_fits_no_swept_batch_does()
    {
        var fit = BatchMemoryFit.Compute(availableBytes: -5, "setting", 192, [1, 2]);

        Assert.Equal(0, fit.AvailableBytes);
        Assert.Equal(0, fit.LargestBatchSize);
        Assert.Null(fit.LargestSweptBatchSize);
    }

    [Fact]
    public void Mem_available_is_read_in_bytes_from_meminfo()
    {
        const string meminfo = "MemTotal:       24000000 kB\nMemFree:        1000 kB\nMemAvailable:   22000000 kB\nBuffers: 1 kB\n";

        Assert.Equal(22_000_000L * 1024, AvailableMemoryReader.Parse(meminfo));
        Assert.Null(AvailableMemoryReader.Parse("MemTotal: 1 kB\n"));
    }
}
