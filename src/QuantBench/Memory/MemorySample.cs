namespace QuantBench.Memory;

/// <summary>One sampler reading, timed from the sampler's start.</summary>
public readonly record struct MemorySample(
    double ElapsedMs,
    long ResidentBytes,
    long AnonymousResidentBytes,
    long FileResidentBytes,
    int PhaseIndex);
