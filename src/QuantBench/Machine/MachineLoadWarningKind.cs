namespace QuantBench.Machine;

/// <summary>The kinds of <see cref="MachineLoadWarning"/>.</summary>
public enum MachineLoadWarningKind
{
    /// <summary>One-minute load average above half the cores.</summary>
    HighLoadAverage,

    /// <summary>Other processes used CPU during the observation.</summary>
    OtherProcessesBusy,

    /// <summary>Fewer cores left free by other processes than threads requested.</summary>
    TooFewFreeCores,
}
