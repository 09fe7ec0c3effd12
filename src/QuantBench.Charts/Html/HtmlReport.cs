using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using QuantBench.Charts.Data;
using QuantBench.Reports;
using QuantBench.Results;
using QuantBench.Statistics;

namespace QuantBench.Charts.Html;

/// <summary>
/// Renders report.html: one self-contained page (inline CSS, charts as SVG data URIs, a Content-Security-Policy
/// that forbids every fetch) with the summary, the table every report shows, the charts and the failures.
/// </summary>
public static class HtmlReport
{
    // No scripts, no fetches: the page can neither phone home nor run anything a hostile model name smuggles in.
    private const string ContentSecurityPolicy = "default-src 'none'; img-src data:; style-src 'unsafe-inline'";

    public static string Render(RunResult run, ChartData data, IReadOnlyList<RenderedChart> charts)
    {
        var html = new StringBuilder();
        html.AppendLine("<!DOCTYPE html>");
        html.AppendLine("<html lang=\"en\"><head><meta charset=\"utf-8\">");
        html.AppendLine($"<meta http-equiv=\"Content-Security-Policy\" content=\"{ContentSecurityPolicy}\">");
        html.AppendLine("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        html.AppendLine("<title>QuantBench report</title>");
        html.AppendLine("<style>").AppendLine(ReportStyle.Css).AppendLine("</style></head><body><main>");
        html.AppendLine("<h1>QuantBench report</h1>");
        html.AppendLine(Invariant($"<p class=\"subtitle\">{run.Models.Length} model(s), started {run.StartedUtc:u}, QuantBench {HtmlText.Escape(run.ToolVersion)}</p>"));
        AppendSummary(html, run, data);
        AppendTable(html, run);
        AppendCharts(html, charts);
        AppendFailures(html, run);
        html.AppendLine("</main></body></html>");
        return html.ToString();
    }

    private static void AppendSummary(StringBuilder html, RunResult run, ChartData data)
    {
        html.AppendLine("<section id=\"summary\"><h2>Summary</h2>");
        html.AppendLine("<ul class=\"levels\">");
        foreach (string sentence in LevelSentences.For(run, data))
        {
            html.AppendLine($"<li>{HtmlText.Escape(sentence)}</li>");
        }

        html.AppendLine("</ul>");
        foreach (string note in run.Notes)
        {
            html.AppendLine($"<p class=\"note\">{HtmlText.Escape(note)}</p>");
        }

        var warnings = NoiseWarnings(data).ToList();
        if (warnings.Count > 0)
        {
            html.AppendLine("<div class=\"warning\"><strong>Noise.</strong> These figures are less certain than they look; rerun on a quieter machine or with more requests (-r).<ul>");
            foreach (string warning in warnings)
            {
                html.AppendLine($"<li>{HtmlText.Escape(warning)}</li>");
            }

            html.AppendLine("</ul></div>");
        }

        html.AppendLine("<dl class=\"conditions\">");
        foreach (var (name, value) in RunConditions.Describe(run))
        {
            html.AppendLine($"<dt>{HtmlText.Escape(name)}</dt><dd>{HtmlText.Escape(value)}</dd>");
        }

        html.AppendLine("</dl></section>");
    }

    private static IEnumerable<string> NoiseWarnings(ChartData data)
    {
        var analysis = new NoiseAnalysis();
        foreach (var level in data.Levels)
        {
            var l = level.Latency!;
            foreach (var (figure, statistics) in new[] { ("decode rate", l.DecodeTokensPerSecond), ("time to first token", l.TimeToFirstTokenMs) })
            {
                foreach (var warning in analysis.Analyze(statistics))
                {
                    yield return $"{level.Model.Label}, {figure}: {warning.Message}";
                }
            }
        }
    }

    private static void AppendTable(StringBuilder html, RunResult run)
    {
        var table = SummaryTable.From(run);
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
        string baseline = run.Baseline is { } b ? $" ({HtmlText.Escape(b.Model.Label)})" : "";
        html.AppendLine($"<p class=\"footnote\">Latency figures are the median ± sample standard deviation over the measured requests; speed-up and size ratio are against the baseline{baseline}, the level with the most bits per weight. Definitions: docs/metrics.md.</p>");
        html.AppendLine("</section>");
    }

    private static void AppendCharts(StringBuilder html, IReadOnlyList<RenderedChart> charts)
    {
        html.AppendLine("<section id=\"charts\"><h2>Charts</h2>");
        if (charts.Count == 0)
        {
            html.AppendLine("<p>No model succeeded, so there is nothing to chart.</p>");
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

    private static void AppendFailures(StringBuilder html, RunResult run)
    {
        var failed = run.Models.Where(m => m.Status == ModelStatus.Failed).ToImmutableArray();
        if (failed.IsEmpty)
        {
            return;
        }

        html.AppendLine("<section id=\"failures\"><h2>Failures</h2><table><thead><tr><th>model</th><th>file</th><th>cause</th></tr></thead><tbody>");
        foreach (var model in failed)
        {
            html.AppendLine($"<tr><th scope=\"row\">{HtmlText.Escape(model.Model.Label)}</th><td>{HtmlText.Escape(model.Model.Path)}</td><td>{HtmlText.Escape(model.Failure ?? "unknown")}</td></tr>");
        }

        html.AppendLine("</tbody></table></section>");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
