using System.Globalization;
using QuantBench.Tasks;

namespace QuantBench.Decisions;

/// <summary>
/// A level's accuracy on one task file, and its paired change against the baseline's on the same tasks (the baseline
/// against itself: no change; null when the baseline did not score the file).
/// </summary>
public sealed record TaskFigure(TaskKind Kind, string FileName, int Correct, int Tasks, PairedAccuracyChange? Change)
{
    /// <summary>Correct over scored tasks, 0 to 1.</summary>
    public double Accuracy => Tasks == 0 ? 0 : (double)Correct / Tasks;

    /// <summary>
    /// How far the accuracy fell against the baseline on the same tasks, (lost - gained) / n: 0 for the baseline,
    /// negative for a gain, null when the baseline did not score the file.
    /// </summary>
    public double? Drop => Change is { } change ? -change.Change : null;

    public string Name => TaskNames.Of(Kind, FileName);

    /// <summary>The figure in a table cell, e.g. <c>h.txt 30.5 % (-1.5 pts)</c>.</summary>
    public string Describe() => $"{FileName} {Percent(Accuracy)}" + (Drop is { } drop and not 0 ? $" ({Points(-drop)} pts)" : "");

    internal static string Percent(double fraction) => (100 * fraction).ToString("0.0", CultureInfo.InvariantCulture) + " %";

    internal static string Points(double fraction) => (fraction >= 0 ? "+" : "") + (100 * fraction).ToString("0.0", CultureInfo.InvariantCulture);
}
