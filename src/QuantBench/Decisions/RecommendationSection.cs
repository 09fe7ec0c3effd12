using System.Globalization;
using System.Text;
using QuantBench.Reports;
using QuantBench.Results;

namespace QuantBench.Decisions;

/// <summary>
/// The recommendation as a Markdown section, the same in report.md and in <c>quantbench recommend</c>: the
/// constraints, the choice and why, and each level's figures with the constraints it misses and whether it is
/// Pareto-optimal.
/// </summary>
public static class RecommendationSection
{
    /// <summary>The section of a report: no constraint, so the Pareto-optimal set.</summary>
    public static string Render(RunResult run) => Render(Recommender.Recommend(run, RecommendationConstraints.None));

    public static string Render(Recommendation recommendation)
    {
        ArgumentNullException.ThrowIfNull(recommendation);
        var text = new StringBuilder();
        text.AppendLine("## Recommendation").AppendLine();
        text.AppendLine($"Constraints: {Describe(recommendation.Constraints)}.").AppendLine();
        foreach (string warning in recommendation.Warnings)
        {
            text.AppendLine($"> Warning: {warning}.").AppendLine();
        }

        text.AppendLine(recommendation.Choice is { } choice ? $"**Choose {Cell(choice.Label)}.** {Cell(recommendation.Reason)}" : Cell(recommendation.Reason)).AppendLine();
        if (recommendation.Levels.Length > 0)
        {
            bool tasks = recommendation.Levels.Any(a => !a.Level.Tasks.IsDefaultOrEmpty);
            text.AppendLine("| level | size | bpw | peak RSS | TTFT ms | tg t/s | KLD |" + (tasks ? " task accuracy (change vs baseline) |" : "") + " meets constraints | Pareto-optimal |");
            text.AppendLine("|---|---:|---:|---:|---:|---:|---:|" + (tasks ? "---|" : "") + "---|---|");
            foreach (var assessment in recommendation.Levels)
            {
                var l = assessment.Level;
                string meets = assessment.MeetsAll ? "yes" : "no: " + string.Join("; ", assessment.Violations);
                string pareto = recommendation.ParetoSet.Contains(l) ? "yes" : "";
                string[] figures =
                [
                    "| " + Cell(l.Label), Units.Bytes(l.FileBytes), Units.Number(l.BitsPerWeight, 2),
                    l.PeakResidentBytes is { } peak ? Units.Bytes(peak) : "n/a",
                    Units.Number(l.TimeToFirstTokenMs ?? double.NaN, 2), Units.Number(l.DecodeTokensPerSecond ?? double.NaN, 1),
                    l.MeanKld is { } kld ? kld.ToString("0.######", CultureInfo.InvariantCulture) : "n/a",
                    .. tasks ? [Cell(TaskCell(l))] : Array.Empty<string>(),
                    Cell(meets), pareto + " |",
                ];
                text.AppendLine(string.Join(" | ", figures));
            }

            text.AppendLine();
            text.AppendLine($"Pareto-optimal on size, median decode rate{(recommendation.QualityMeasured ? " and mean KLD" : " (no quality figure, so quality is not weighed)")}: {string.Join(", ", recommendation.ParetoSet.Select(l => Cell(l.Label)))}.");
        }

        foreach (string excluded in recommendation.Excluded)
        {
            text.AppendLine().AppendLine($"Not considered: {Cell(excluded)}.");
        }

        text.AppendLine().AppendLine("How the choice is made: docs/metrics.md, \"Comparisons and recommendations\".");
        return text.ToString();
    }

    /// <summary>The constraints in words, e.g. <c>peak RSS ≤ 8.0 GiB, decode ≥ 20.0 t/s</c>.</summary>
    public static string Describe(RecommendationConstraints c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var parts = new List<string>();
        if (c.MaxMemoryBytes is { } memory) parts.Add($"peak RSS ≤ {Units.Bytes(memory)}");
        if (c.MaxSizeBytes is { } size) parts.Add($"size ≤ {Units.Bytes(size)}");
        if (c.MaxTtftMs is { } ttft) parts.Add($"TTFT ≤ {Units.Number(ttft, 1)} ms");
        if (c.MinDecodeTokensPerSecond is { } rate) parts.Add($"decode ≥ {Units.Number(rate, 1)} t/s");
        if (c.MaxKld is { } kld) parts.Add(string.Create(CultureInfo.InvariantCulture, $"KLD ≤ {kld:0.######}"));
        parts.AddRange(c.MinAccuracy.Select(l => $"{l.Task} accuracy ≥ {TaskFigure.Percent(l.Fraction)}"));
        parts.AddRange(c.MaxAccuracyDrop.Select(l => $"{l.Task} accuracy drop against the baseline ≤ {TaskFigure.Points(l.Fraction)[1..]} pts"));
        return parts.Count == 0 ? "none" : string.Join(", ", parts);
    }

    /// <summary>Each task file's accuracy and its change against the baseline, e.g. <c>h.txt 30.5 % (-1.5 pts)</c>.</summary>
    public static string TaskCell(LevelFigures level)
    {
        ArgumentNullException.ThrowIfNull(level);
        return level.Tasks.IsDefaultOrEmpty ? "n/a" : string.Join(", ", level.Tasks.Select(t => t.Describe()));
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace('\n', ' ');
}
