namespace QuantBench.Reports;

/// <summary>One row of a Markdown table, with pipes in cells escaped; shared by every Markdown section.</summary>
internal static class MarkdownRow
{
    internal static string Of(IEnumerable<string> cells) =>
        "| " + string.Join(" | ", cells.Select(c => c.Replace("|", "\\|", StringComparison.Ordinal))) + " |";
}
