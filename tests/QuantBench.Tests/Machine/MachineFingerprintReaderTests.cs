using QuantBench.Machine;

namespace QuantBench.Tests.Machine;

public sealed class MachineFingerprintReaderTests
{
    [Fact]
    public async Task Fingerprint_of_this_machine_has_plausible_figures()
    {
        var before = DateTimeOffset.UtcNow;

        var f = await MachineFingerprintReader.ReadAsync(TimeSpan.FromMilliseconds(50));

        Assert.Equal(Environment.ProcessorCount, f.LogicalCores);
        Assert.False(string.IsNullOrWhiteSpace(f.CpuModel));
        Assert.Contains(".NET", f.DotNetVersion);
        Assert.InRange(f.TimestampUtc, before, DateTimeOffset.UtcNow);
        Assert.DoesNotContain(f.BusyProcesses, b => b.ProcessId == Environment.ProcessId);
        Assert.False(string.IsNullOrWhiteSpace(f.CpuGovernor));
        if (OperatingSystem.IsLinux())
        {
            Assert.NotNull(f.LoadAverage);
            Assert.True(f.TotalMemoryBytes > f.AvailableMemoryBytes);
            Assert.Matches(@"^\d+\.\d+", f.KernelVersion);
        }
    }

    [Fact]
    public void Cpu_ticks_are_read_for_this_process()
    {
        var ticks = MachineFingerprintReader.ReadCpuTicks();

        if (OperatingSystem.IsLinux())
            Assert.True(ticks.ContainsKey(Environment.ProcessId));
        else
            Assert.Empty(ticks);
    }
}
