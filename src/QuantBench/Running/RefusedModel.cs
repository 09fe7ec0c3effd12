namespace QuantBench.Running;

/// <summary>A model the plan does not measure (its path) and why, e.g. it cannot fit in the machine's memory.</summary>
public sealed record RefusedModel(string Path, string Reason);
