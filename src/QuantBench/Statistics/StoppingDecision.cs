namespace QuantBench.Statistics;

/// <summary>
/// What <see cref="StoppingRule.Evaluate"/> decided after a run: whether to stop, why, and the precision
/// reached so far (NaN while fewer than two runs exist).
/// </summary>
public sealed record StoppingDecision(
    bool ShouldStop,
    StoppingReason Reason,
    int Runs,
    double RelativeHalfWidth,
    double TargetRelativeHalfWidth)
{
    /// <summary>True when the precision target is met, whatever the reason for stopping.</summary>
    public bool TargetMet => RelativeHalfWidth <= TargetRelativeHalfWidth;
}
