namespace QuantBench.Results;

/// <summary>Which model a run's ratios are against and why (<see cref="BaselinePolicy"/>), as results.json and the report say it.</summary>
public sealed record BaselineChoice(string Label, string Path, string Reason);
