namespace QuantBench.Charts.Data;

/// <summary>
/// One level's quality figure (lower is better, e.g. mean KLD against the baseline or the PPL ratio minus one)
/// beside its size on disk.
/// </summary>
/// <param name="HalfWidth">Half-width of the figure's confidence interval; NaN when unknown.</param>
public sealed record QualityPoint(string Label, long FileBytes, double Value, double HalfWidth = double.NaN);
