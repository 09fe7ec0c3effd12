using QuantBench.Machine;

namespace QuantBench.Tests.Machine;

public sealed class MachineLoadCheckTests
{
    private static MachineFingerprint Machine(double load, params BusyProcess[] busy) => new()
    {
        CpuModel = "test",
        LogicalCores = 8,
        CpuFlags = ["avx2"],
        TotalMemoryBytes = 1L << 34,
        AvailableMemoryBytes = 1L << 33,
        OsDescription = "Linux",
        KernelVersion = "6.1",
        DotNetVersion = ".NET 10",
        CpuGovernor = MachineFingerprint.Unavailable,
        LoadAverage = new LoadAverage(load, load, load),
        BusyProcesses = [.. busy],
        HostName = "h",
        TimestampUtc = DateTimeOffset.UnixEpoch,
    };

    [Fact]
    public void Quiet_machine_gets_no_warning()
    {
        Assert.Empty(MachineLoadCheck.Check(Machine(load: 0.3), requestedThreads: 8));
    }

    [Fact]
    public void Load_above_half_the_cores_is_flagged()
    {
        var warnings = MachineLoadCheck.Check(Machine(load: 4.5), requestedThreads: 4);

        var w = Assert.Single(warnings);
        Assert.Equal(MachineLoadWarningKind.HighLoadAverage, w.Kind);
        Assert.Contains("4.50", w.Message);
    }

    [Fact]
    public void Busy_process_is_named_and_reduces_free_cores_below_requested_threads()
    {
        var warnings = MachineLoadCheck.Check(Machine(0.1, new BusyProcess(123, "cc1plus", 1.5)), requestedThreads: 7);

        Assert.Equal([MachineLoadWarningKind.OtherProcessesBusy, MachineLoadWarningKind.TooFewFreeCores], warnings.Select(w => w.Kind));
        Assert.Contains("cc1plus (123)", warnings[0].Message);
        Assert.Contains("6.5 of 8", warnings[1].Message);
    }

    [Fact]
    public void More_threads_than_cores_is_flagged_even_when_idle()
    {
        var w = Assert.Single(MachineLoadCheck.Check(Machine(0.0), requestedThreads: 16));

        Assert.Equal(MachineLoadWarningKind.TooFewFreeCores, w.Kind);
    }
}
