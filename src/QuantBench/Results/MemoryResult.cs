namespace QuantBench.Results;

/// <summary>
/// Resident memory of the worker process that ran one model. Peak figures are true peaks (the kernel's
/// high-water mark VmHWM), not snapshots taken after the run.
/// </summary>
public sealed record MemoryResult
{
    /// <summary>Resident set before the model was loaded (the runtime's own footprint).</summary>
    public long BaselineResidentBytes { get; init; }
    /// <summary>Resident set right after load and context creation.</summary>
    public long ResidentAfterLoadBytes { get; init; }
    /// <summary>Peak resident set of the process over its whole life (VmHWM).</summary>
    public long PeakResidentBytes { get; init; }
    /// <summary>How the peak was measured, named beside each figure in reports.</summary>
    public string PeakMethod { get; init; } = "VmHWM";
}
