namespace QuantBench.Statistics;

/// <summary>Why a <see cref="StoppingRule"/> said to stop measuring, or that it did not.</summary>
public enum StoppingReason
{
    /// <summary>Not enough runs or precision yet, and no bound reached.</summary>
    Continue,

    /// <summary>The confidence interval is as narrow as the rule asks.</summary>
    TargetMet,

    /// <summary>The run-count bound was reached before the target.</summary>
    MaxRuns,

    /// <summary>The time bound was reached before the target.</summary>
    MaxDuration,

    /// <summary>Not adaptive: the fixed number of runs asked for (<c>--runs</c>) was taken.</summary>
    FixedCount,

    /// <summary>Not adaptive: samples pooled from the fixed-count rounds of <c>--interleave</c>.</summary>
    Interleaved,
}
