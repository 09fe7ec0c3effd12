namespace QuantBench.Machine;

/// <summary>What a run learns about the machine before it measures: its fingerprint and its memory bandwidth.</summary>
public interface IMachineProbe
{
    MachineFingerprint ReadFingerprint();

    MemoryBandwidthResult MeasureBandwidth(int threads, CancellationToken cancellationToken);
}
