namespace QuantBench.Charts.Data;

/// <summary>Aggregate generation throughput measured at one batch size (concurrent sequences).</summary>
/// <param name="HalfWidthTokensPerSecond">Half-width of the throughput's confidence interval; NaN when unknown.</param>
public sealed record ThroughputPoint(int BatchSize, double TokensPerSecond, double HalfWidthTokensPerSecond = double.NaN);
