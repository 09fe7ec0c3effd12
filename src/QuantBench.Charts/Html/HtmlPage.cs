using System.Collections.Immutable;
using System.Text;

namespace QuantBench.Charts.Html;

/// <summary>
/// The frame every report.html shares: one self-contained page (inline CSS, charts as SVG data URIs, a
/// Content-Security-Policy that forbids every fetch), its results table and its charts section.
/// </summary>
internal static class HtmlPage
{
    // No scripts, no fetches: the page can neither phone home nor run anything a hostile model name smuggles in.
    private const string ContentSecurityPolicy = "default-src 'none'; img-src data:; style-src 'unsafe-inline'";

    /// <summary>The head, the title and the subtitle (plain text, escaped here).</summary>
    public static StringBuilder Open(string title, string subtitle)
    {
        var html = new StringBuilder();
        html.AppendLine("<!DOCTYPE html>");
        html.AppendLine("<html lang=\"en\"><head><meta charset=\"utf-8\">");
        html.AppendLine($"<meta http-equiv=\"Content-Security-Policy\" content=\"{ContentSecurityPolicy}\">");
        html.AppendLine("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        html.AppendLine($"<title>{HtmlText.Escape(title)}</title>");
        html.AppendLine("<style>").AppendLine(ReportStyle.Css).AppendLine("</style></head><body><main>");
        html.AppendLine($"<h1>{HtmlText.Escape(title)}</h1>");
        html.AppendLine($"<p class=\"subtitle\">{HtmlText.Escape(subtitle)}</p>");
        return html;
    }

    public static string Close(StringBuilder html) => html.AppendLine("</main></body></html>").ToString();

    /// <summary>A table whose first column names the row and whose other cells are numbers; the footnote is plain text.</summary>
    public static void AppendResults(StringBuilder html, IReadOnlyList<string> headers, IEnumerable<ImmutableArray<string>> rows, string footnote) =>
        AppendTable(html, "results", "Results", headers, rows, footnote);

    /// <summary>A section with a heading and a table whose first column names the row; the footnote is plain text.</summary>
    public static void AppendTable(StringBuilder html, string id, string heading, IReadOnlyList<string> headers, IEnumerable<ImmutableArray<string>> rows, string footnote)
    {
        html.AppendLine($"<section id=\"{HtmlText.Escape(id)}\"><h2>{HtmlText.Escape(heading)}</h2><div class=\"table-scroll\"><table><thead><tr>");
        foreach (string header in headers)
        {
            html.Append($"<th>{HtmlText.Escape(header)}</th>");
        }

        html.AppendLine("</tr></thead><tbody>");
        foreach (var row in rows)
        {
            html.Append("<tr>");
            for (int i = 0; i < row.Length; i++)
            {
                html.Append(i == 0 ? $"<th scope=\"row\">{HtmlText.Escape(row[i])}</th>" : $"<td class=\"num\">{HtmlText.Escape(row[i])}</td>");
            }

            html.AppendLine("</tr>");
        }

        html.AppendLine("</tbody></table></div>");
        html.AppendLine($"<p class=\"footnote\">{HtmlText.Escape(footnote)}</p>");
        html.AppendLine("</section>");
    }

    /// <summary>Every chart as an inert image with its caption and links to its SVG and PNG files.</summary>
    public static void AppendCharts(StringBuilder html, IReadOnlyList<RenderedChart> charts, string whenEmpty)
    {
        html.AppendLine("<section id=\"charts\"><h2>Charts</h2>");
        if (charts.Count == 0)
        {
            html.AppendLine($"<p>{HtmlText.Escape(whenEmpty)}</p>");
        }

        foreach (var chart in charts)
        {
            string id = HtmlText.Escape(chart.Id);
            string svg = Convert.ToBase64String(Encoding.UTF8.GetBytes(chart.Svg));
            html.AppendLine($"<figure class=\"chart\" id=\"chart-{id}\">");
            // An <img> keeps the SVG inert: no script in it runs, and no text in it can break out into the page.
            html.AppendLine($"<img alt=\"{HtmlText.Escape(chart.Title)}\" width=\"{RenderedChart.WidthPixels}\" height=\"{RenderedChart.HeightPixels}\" src=\"data:image/svg+xml;base64,{svg}\">");
            html.AppendLine($"<figcaption><strong>{HtmlText.Escape(chart.Title)}.</strong> {HtmlText.Escape(chart.Caption)} <a href=\"charts/{id}.svg\">SVG</a> · <a href=\"charts/{id}.png\">PNG</a></figcaption>");
            html.AppendLine("</figure>");
        }

        html.AppendLine("</section>");
    }
}
