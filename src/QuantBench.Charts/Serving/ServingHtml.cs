using System.Globalization;
using System.Text;
using QuantBench.Charts.Html;
using QuantBench.Results;
using QuantBench.Serving;

namespace QuantBench.Charts.Serving;

/// <summary>report.html of a serving sweep: the same page frame as a model run, with the serving table, charts and errors.</summary>
public static class ServingHtml
{
    private const string ContentSecurityPolicy = "default-src 'none'; img-src data:; style-src 'unsafe-inline'";

    public static string Render(RunResult run, IReadOnlyList<RenderedChart> charts)
    {
        var serving = run.Serving ?? throw new ArgumentException("the run has no serving section", nameof(run));
        var html = new StringBuilder();
        html.AppendLine("<!DOCTYPE html>");
        html.AppendLine("<html lang=\"en\"><head><meta charset=\"utf-8\">");
        html.AppendLine($"<meta http-equiv=\"Content-Security-Policy\" content=\"{ContentSecurityPolicy}\">");
        html.AppendLine("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        html.AppendLine("<title>QuantBench serving report</title>");
        html.AppendLine("<style>").AppendLine(ReportStyle.Css).AppendLine("</style></head><body><main>");
        html.AppendLine("<h1>QuantBench serving report</h1>");
        var t = serving.Target;
        html.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"<p class=\"subtitle\">{HtmlText.Escape(string.Join(", ", t.Urls))}, {(t.Api == ServingApi.Chat ? "chat" : "completions")}{(t.Model is { } m ? ", model " + HtmlText.Escape(m) : "")}; prompts of {HtmlText.Escape(t.PromptTokens)} tokens, {t.OutputTokens} output tokens; started {run.StartedUtc:u}, QuantBench {HtmlText.Escape(run.ToolVersion)}</p>"));
        foreach (string note in run.Notes.Concat(serving.Notes))
        {
            html.AppendLine($"<p class=\"note\">{HtmlText.Escape(note)}</p>");
        }

        var table = ServingTable.From(serving);
        html.AppendLine("<section id=\"results\"><h2>Results</h2><div class=\"table-scroll\"><table><thead><tr>");
        foreach (string header in table.Headers)
        {
            html.Append($"<th>{HtmlText.Escape(header)}</th>");
        }

        html.AppendLine("</tr></thead><tbody>");
        foreach (var row in table.Rows)
        {
            html.Append("<tr>");
            for (int i = 0; i < row.Length; i++)
            {
                html.Append(i == 0 ? $"<th scope=\"row\">{HtmlText.Escape(row[i])}</th>" : $"<td class=\"num\">{HtmlText.Escape(row[i])}</td>");
            }

            html.AppendLine("</tr>");
        }

        html.AppendLine("</tbody></table></div>");
        html.AppendLine($"<p class=\"footnote\">Percentiles over each point's successful requests; goodput meets {HtmlText.Escape(serving.Plan.Objective.ToString())}. {HtmlText.Escape(serving.StopReason is { } s ? "The sweep " + s + "." : "")} Definitions: docs/metrics.md, \"Serving\".</p>");
        html.AppendLine("</section>");
        html.AppendLine("<section id=\"charts\"><h2>Charts</h2>");
        foreach (var chart in charts)
        {
            string id = HtmlText.Escape(chart.Id);
            string svg = Convert.ToBase64String(Encoding.UTF8.GetBytes(chart.Svg));
            html.AppendLine($"<figure class=\"chart\" id=\"chart-{id}\">");
            html.AppendLine($"<img alt=\"{HtmlText.Escape(chart.Title)}\" width=\"{RenderedChart.WidthPixels}\" height=\"{RenderedChart.HeightPixels}\" src=\"data:image/svg+xml;base64,{svg}\">");
            html.AppendLine($"<figcaption><strong>{HtmlText.Escape(chart.Title)}.</strong> {HtmlText.Escape(chart.Caption)} <a href=\"charts/{id}.svg\">SVG</a> · <a href=\"charts/{id}.png\">PNG</a></figcaption>");
            html.AppendLine("</figure>");
        }

        html.AppendLine("</section>");
        var problems = serving.Points.SelectMany(p => p.Warnings.Select(w => $"{p.Load.Label}: {w}")
            .Concat(p.Samples.Where(x => x.Error is not null).GroupBy(x => x.Error!.Kind).Select(g => $"{p.Load.Label}: {g.Count()} x {g.Key}: {g.First().Error!.Detail}"))).ToArray();
        if (problems.Length > 0)
        {
            html.AppendLine("<section id=\"failures\"><h2>Warnings and errors</h2><ul>");
            foreach (string problem in problems)
            {
                html.AppendLine($"<li>{HtmlText.Escape(problem)}</li>");
            }

            html.AppendLine("</ul></section>");
        }

        html.AppendLine("</main></body></html>");
        return html.ToString();
    }
}
