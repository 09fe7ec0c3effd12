namespace QuantBench.Results;

/// <summary>How long one phase of a run took.</summary>
public sealed record PhaseDuration(string Name, double Seconds);
