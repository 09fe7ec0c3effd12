namespace QuantBench.Reports;

/// <summary>One figure of the noise table, and whether it is the reason the row is there (shown highlighted).</summary>
public readonly record struct NoiseCell(string Text, bool Offending);
