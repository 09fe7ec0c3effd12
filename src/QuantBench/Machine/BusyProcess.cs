namespace QuantBench.Machine;

/// <summary>Another process that used CPU while the fingerprint was taken; 1.0 = one full core.</summary>
public sealed record BusyProcess(int ProcessId, string Name, double CoreShare);
