namespace QuantBench.Machine;

/// <summary>This machine: its fingerprint from /proc and sysfs, its bandwidth from <see cref="MemoryBandwidthProbe"/>.</summary>
public sealed class LocalMachineProbe : IMachineProbe
{
    public MachineFingerprint ReadFingerprint() => MachineFingerprintReader.Read();

    public MemoryBandwidthResult MeasureBandwidth(int threads, CancellationToken cancellationToken) =>
        MemoryBandwidthProbe.Measure(threads, cancellationToken: cancellationToken);
}
