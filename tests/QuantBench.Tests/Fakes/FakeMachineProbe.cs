using QuantBench.Machine;

namespace QuantBench.Tests.Fakes;

/// <summary>A quiet machine with the memory a test gives it and a fixed bandwidth; counts the bandwidth probes.</summary>
internal sealed class FakeMachineProbe(long? availableMemoryBytes = 64L << 30, double bytesPerSecond = 20e9) : IMachineProbe
{
    public int BandwidthProbes { get; private set; }

    public MachineFingerprint ReadFingerprint() => new()
    {
        CpuModel = "Fake CPU",
        LogicalCores = 4,
        CpuFlags = ["avx2"],
        TotalMemoryBytes = 128L << 30,
        AvailableMemoryBytes = availableMemoryBytes,
        OsDescription = "Fake OS",
        KernelVersion = "6.0",
        DotNetVersion = ".NET 10",
        CpuGovernor = "performance",
        LoadAverage = null,
        BusyProcesses = [],
        HostName = "fake",
        TimestampUtc = DateTimeOffset.UnixEpoch,
    };

    public MemoryBandwidthResult MeasureBandwidth(int threads, CancellationToken cancellationToken)
    {
        BandwidthProbes++;
        return new() { BytesPerSecond = bytesPerSecond, Threads = threads, BufferBytes = 1 << 20, Passes = 1, BestPassSeconds = 1, VectorBits = 256 };
    }
}
