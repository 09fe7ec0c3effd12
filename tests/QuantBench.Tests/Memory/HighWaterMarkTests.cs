using QuantBench.Memory;
using Xunit.Abstractions;

namespace QuantBench.Tests.Memory;

[Collection(MemorySensitiveCollection.Name)]
public sealed class HighWaterMarkTests(ITestOutputHelper output)
{
    private const long SpikeBytes = 200L * 1024 * 1024;
    private const long ToleranceBytes = 30L * 1024 * 1024;

    [Fact]
    public void Spike_raises_high_water_mark_and_leaves_current_rss()
    {
        GC.Collect();
        HighWaterMark.TryReset();
        var before = ProcessMemoryReader.Read()!;

        using (new NativeSpike(SpikeBytes)) { }
        GC.Collect();
        var afterSpike = ProcessMemoryReader.Read()!;

        // The spike is gone from RSS but stays in VmHWM.
        Assert.InRange(afterSpike.PeakResidentBytes - before.ResidentBytes, SpikeBytes - ToleranceBytes, SpikeBytes + ToleranceBytes);
        Assert.True(afterSpike.ResidentBytes < before.ResidentBytes + ToleranceBytes, "freed spike should leave RSS");
    }

    [SkippableFact]
    public void Reset_brings_high_water_mark_back_to_current_rss()
    {
        GC.Collect();
        using (new NativeSpike(SpikeBytes)) { }
        GC.Collect();
        var afterSpike = ProcessMemoryReader.Read()!;
        Assert.True(afterSpike.PeakResidentBytes >= afterSpike.ResidentBytes + SpikeBytes - ToleranceBytes, "the spike should be in VmHWM");

        Skip.IfNot(HighWaterMark.TryReset(), "the kernel refused /proc/self/clear_refs (needs Linux 4.0+ and write access to it)");
        var afterReset = ProcessMemoryReader.Read()!;
        output.WriteLine($"VmHWM {afterSpike.PeakResidentBytes} -> {afterReset.PeakResidentBytes} bytes after reset; RSS {afterReset.ResidentBytes}");
        Assert.True(afterReset.PeakResidentBytes < afterSpike.PeakResidentBytes - SpikeBytes + ToleranceBytes,
            $"VmHWM after reset {afterReset.PeakResidentBytes} should have dropped from {afterSpike.PeakResidentBytes}");
    }

    [Fact]
    public void Reset_of_missing_process_reports_false()
    {
        Assert.False(HighWaterMark.TryReset(int.MaxValue));
    }
}
