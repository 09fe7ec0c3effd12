namespace QuantBench.Machine;

/// <summary>Why a machine may distort timings, with a sentence for the report.</summary>
public sealed record MachineLoadWarning(MachineLoadWarningKind Kind, string Message);
