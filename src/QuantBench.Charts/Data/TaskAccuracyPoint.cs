namespace QuantBench.Charts.Data;

/// <summary>
/// One level's accuracy on one task file beside its size on disk, with the 95% Wilson interval of the accuracy
/// (fractions, 0 to 1).
/// </summary>
/// <param name="Task">The task file and its kind, e.g. <c>hellaswag-alice.txt (HellaSwag)</c>.</param>
public sealed record TaskAccuracyPoint(string Task, string Label, long FileBytes, int Correct, int Tasks, double Accuracy, double Low, double High);
