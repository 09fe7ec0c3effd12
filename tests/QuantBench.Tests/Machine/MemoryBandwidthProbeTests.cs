using QuantBench.Machine;
using QuantBench.Tests.Memory;
using Xunit.Abstractions;

namespace QuantBench.Tests.Machine;

[Collection(MemorySensitiveCollection.Name)]
public sealed class MemoryBandwidthProbeTests(ITestOutputHelper output)
{
    [Fact]
    public void Sum_covers_every_element_including_the_unvectorised_tail()
    {
        var data = Enumerable.Range(1, 1001).Select(i => (ulong)i).ToArray();

        Assert.Equal(1001UL * 1002 / 2, MemoryBandwidthProbe.Sum(data));
    }

    [Fact]
    public void Slices_cover_the_buffer_without_overlap_on_cache_line_bounds()
    {
        var slices = MemoryBandwidthProbe.Slice(elements: 1003, parts: 3);

        Assert.Equal(1003, slices.Sum(s => s.Length));
        Assert.All(slices, s => Assert.Equal(0, s.Start % 8));
        Assert.Equal(slices[0].Start + slices[0].Length, slices[1].Start);
        Assert.Equal(slices[1].Start + slices[1].Length, slices[2].Start);
    }

    [Fact]
    public void Recommended_buffer_is_four_times_l3_when_that_is_larger()
    {
        Assert.Equal(MemoryBandwidthProbe.DefaultBufferBytes, MemoryBandwidthProbe.RecommendedBufferBytes(null));
        Assert.Equal(4L * 384 * 1024 * 1024, MemoryBandwidthProbe.RecommendedBufferBytes(384L * 1024 * 1024));
        Assert.Equal(4L * 1024 * 1024 * 1024, MemoryBandwidthProbe.RecommendedBufferBytes(2L * 1024 * 1024 * 1024));
    }

    [Fact]
    public void Triad_computes_b_plus_scalar_times_c_including_the_unvectorised_tail()
    {
        var b = Enumerable.Range(0, 1003).Select(i => (double)i).ToArray();
        var c = Enumerable.Range(0, 1003).Select(i => 1.0 + (i % 7)).ToArray();
        var a = new double[1003];

        MemoryBandwidthProbe.Triad(a, b, c, 3.0);

        Assert.Equal(Enumerable.Range(0, 1003).Select(i => b[i] + 3.0 * c[i]), a);
    }

    [Fact]
    public void Two_threads_measure_rounds_of_read_and_triad_at_a_plausible_dram_rate()
    {
        // 64 MiB keeps the test quick; it still exceeds this machine's caches by far.
        var result = MemoryBandwidthProbe.Measure(threads: 2, bufferBytes: 64L * 1024 * 1024, rounds: 3, roundDuration: TimeSpan.FromMilliseconds(100));
        output.WriteLine($"{result.GigabytesPerSecond:F1} GB/s, triad {result.TriadBytesPerSecond / 1e9:F1}, spread {result.RelativeSpread:P1}, {result.Passes} passes, {result.VectorBits}-bit loads, CPUs {string.Join(",", result.PinnedCpus)}");

        Assert.True(result.Passes >= 9);
        Assert.Equal(2, result.Threads);
        Assert.Equal(3, result.RoundBytesPerSecond.Length);
        Assert.Equal(3, result.RoundTriadBytesPerSecond.Length);
        Assert.Equal(result.RoundBytesPerSecond.Max(), result.BytesPerSecond);
        Assert.InRange(result.RelativeSpread!.Value, 0, 1);
        // Slower than 0.5 GB/s or faster than 2 TB/s would mean the loop or the timing is wrong.
        Assert.InRange(result.GigabytesPerSecond, 0.5, 2000);
        Assert.InRange(result.TriadBytesPerSecond!.Value / 1e9, 0.5, 2000);
    }
}
