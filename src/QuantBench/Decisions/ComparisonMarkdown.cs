using System.Text;

namespace QuantBench.Decisions;

/// <summary>compare.md: the comparison of two runs, condition warnings first.</summary>
public static class ComparisonMarkdown
{
    public const string FileName = "compare.md";

    public static string Render(RunComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var text = new StringBuilder();
        text.AppendLine("# QuantBench comparison").AppendLine();
        text.AppendLine($"- old: `{comparison.OldSource}`");
        text.AppendLine($"- new: `{comparison.NewSource}`").AppendLine();
        if (comparison.ConditionWarnings.Length > 0)
        {
            text.AppendLine("## Warnings: conditions differ").AppendLine();
            foreach (string warning in comparison.ConditionWarnings)
            {
                text.AppendLine($"- {Cell(warning)}");
            }

            text.AppendLine();
        }

        text.AppendLine(Row(ComparisonCells.Headers));
        text.AppendLine(Row(ComparisonCells.Headers.Select((_, i) => i < 2 || i == 7 ? "---" : "---:")));
        foreach (var model in comparison.Models)
        {
            if (model.Note is { } note)
            {
                text.AppendLine(Row([model.Label, "", "", "", "", "", "", note]));
            }

            foreach (var figure in model.Figures)
            {
                text.AppendLine(Row(ComparisonCells.Row(model, figure)));
            }
        }

        text.AppendLine().AppendLine(comparison.VerdictRule);
        if (comparison.OnlyInOld.Length > 0)
        {
            text.AppendLine().AppendLine($"Only in the old run: {Cell(string.Join(", ", comparison.OnlyInOld))}.");
        }

        if (comparison.OnlyInNew.Length > 0)
        {
            text.AppendLine().AppendLine($"Only in the new run: {Cell(string.Join(", ", comparison.OnlyInNew))}.");
        }

        return text.ToString();
    }

    private static string Row(IEnumerable<string> cells) => "| " + string.Join(" | ", cells.Select(Cell)) + " |";

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace('\n', ' ');
}
