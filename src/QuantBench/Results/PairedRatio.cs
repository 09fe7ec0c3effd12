using QuantBench.Statistics;

namespace QuantBench.Results;

/// <summary>A figure's ratio to the baseline's, paired round by round in an interleaved run (per-round medians), with its interval and verdict.</summary>
public sealed record PairedRatio(string Figure, string Baseline, RatioEstimate Estimate);
