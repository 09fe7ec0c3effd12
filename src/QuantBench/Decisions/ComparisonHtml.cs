using System.Net;
using System.Text;

namespace QuantBench.Decisions;

/// <summary>
/// compare.html: the comparison as one self-contained page (inline style, no script, nothing fetched). Every
/// text drawn from the results (labels, paths, warnings) is HTML-escaped.
/// </summary>
public static class ComparisonHtml
{
    public const string FileName = "compare.html";

    private const string Style = """
        body{font-family:system-ui,sans-serif;margin:2em;color:#222}
        table{border-collapse:collapse}th,td{border:1px solid #ccc;padding:.3em .6em}
        td.n{text-align:right;font-variant-numeric:tabular-nums}
        .faster,.lower{color:#1a7f37;font-weight:600}.slower,.higher{color:#cf222e;font-weight:600}
        .warn{background:#fff8c5;border:1px solid #d4a72c;padding:.5em 1em}
        """;

    public static string Render(RunComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var html = new StringBuilder();
        html.AppendLine("<!DOCTYPE html>");
        html.AppendLine("<html lang=\"en\"><head><meta charset=\"utf-8\"><title>QuantBench comparison</title>");
        html.AppendLine($"<style>{Style}</style></head><body>");
        html.AppendLine("<h1>QuantBench comparison</h1>");
        html.AppendLine($"<p>old: <code>{E(comparison.OldSource)}</code><br>new: <code>{E(comparison.NewSource)}</code></p>");
        if (comparison.ConditionWarnings.Length > 0)
        {
            html.AppendLine("<div class=\"warn\"><strong>Warnings: conditions differ</strong><ul>");
            foreach (string warning in comparison.ConditionWarnings)
            {
                html.AppendLine($"<li>{E(warning)}</li>");
            }

            html.AppendLine("</ul></div>");
        }

        html.Append("<table><thead><tr>");
        foreach (string header in ComparisonCells.Headers)
        {
            html.Append($"<th>{E(header)}</th>");
        }

        html.AppendLine("</tr></thead><tbody>");
        foreach (var model in comparison.Models)
        {
            if (model.Note is { } note)
            {
                html.AppendLine($"<tr><td>{E(model.Label)}</td><td colspan=\"7\">{E(note)}</td></tr>");
            }

            foreach (var figure in model.Figures)
            {
                var cells = ComparisonCells.Row(model, figure);
                html.Append("<tr>");
                for (int i = 0; i < cells.Length; i++)
                {
                    string css = i is >= 2 and <= 6 ? " class=\"n\"" : i == 7 && figure.Estimate is not null ? $" class=\"{figure.Verdict.Split(' ')[0]}\"" : "";
                    html.Append($"<td{css}>{E(cells[i])}</td>");
                }

                html.AppendLine("</tr>");
            }
        }

        html.AppendLine("</tbody></table>");
        html.AppendLine($"<p>{E(comparison.VerdictRule)}</p>");
        if (comparison.OnlyInOld.Length > 0)
        {
            html.AppendLine($"<p>Only in the old run: {E(string.Join(", ", comparison.OnlyInOld))}.</p>");
        }

        if (comparison.OnlyInNew.Length > 0)
        {
            html.AppendLine($"<p>Only in the new run: {E(string.Join(", ", comparison.OnlyInNew))}.</p>");
        }

        html.AppendLine("</body></html>");
        return html.ToString();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
