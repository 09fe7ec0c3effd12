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
}
