namespace QuantBench.Progress;

/// <summary>Where a run is: which model, which phase, and how far through it.</summary>
public sealed record BenchmarkProgress(string Model, BenchmarkPhase Phase, int Done, int Total);
