namespace QuantBench.Statistics;

/// <summary>One measurement-quality problem found by <see cref="NoiseAnalysis"/>, with a readable message.</summary>
public sealed record NoiseWarning(NoiseWarningCode Code, string Message);
