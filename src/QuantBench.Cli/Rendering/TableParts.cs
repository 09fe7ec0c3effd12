using System.Collections.Immutable;

namespace QuantBench.Cli.Rendering;

/// <summary>
/// Splits a table too wide for the terminal into parts that fit side by side no more, one under the other, each
/// repeating the first (naming) column: a row then stays on one line instead of every cell wrapping mid-figure.
/// </summary>
internal static class TableParts
{
    // A bordered Spectre table gives each column a border and one space either side of its cell, then closes the row.
    private const int PerColumn = 3;
    private const int ClosingBorder = 1;

    /// <summary>The columns of each part, in order; column 0 leads every part. A column wider than the terminal gets a part of its own.</summary>
    internal static ImmutableArray<ImmutableArray<int>> Split(IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows, int width)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(rows);
        int[] widths = [.. headers.Select((h, c) => rows.Select(r => c < r.Count ? r[c].Length : 0).Append(h.Length).Max())];
        int lead = ClosingBorder + widths[0] + PerColumn;
        var parts = ImmutableArray.CreateBuilder<ImmutableArray<int>>();
        var part = new List<int> { 0 };
        int used = lead;
        for (int c = 1; c < widths.Length; c++)
        {
            if (part.Count > 1 && used + widths[c] + PerColumn > width)
            {
                parts.Add([.. part]);
                part = [0];
                used = lead;
            }

            part.Add(c);
            used += widths[c] + PerColumn;
        }

        parts.Add([.. part]);
        return parts.ToImmutable();
    }
}
