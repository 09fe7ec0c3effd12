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
    public static string Render(RunResult run, ChartData data, IReadOnlyList<RenderedChart> charts)
    {
        var html = HtmlPage.Open("QuantBench report", Invariant($"{run.Models.Length} model(s), started {run.StartedUtc:u}, QuantBench {run.ToolVersion}"));
        AppendSummary(html, run, data);
        AppendTable(html, run);
        HtmlPage.AppendCharts(html, charts, "No model succeeded, so there is nothing to chart.");
        AppendFailures(html, run);
        return HtmlPage.Close(html);
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

        AppendNoise(html, run);
        html.AppendLine("<dl class=\"conditions\">");
        foreach (var (name, value) in RunConditions.Describe(run))
        {
            html.AppendLine($"<dt>{HtmlText.Escape(name)}</dt><dd>{HtmlText.Escape(value)}</dd>");
        }

        html.AppendLine("</dl></section>");
    }

    private static void AppendNoise(StringBuilder html, RunResult run)
    {
        var noise = NoiseTable.From(run);
        if (noise.Rows.Length == 0)
        {
            return;
        }

        html.AppendLine("<div class=\"warning noise\"><strong>Noise.</strong> These figures are less certain than they look.");
        html.Append("<table><thead><tr>");
        foreach (string header in noise.Headers)
        {
            html.Append($"<th>{HtmlText.Escape(header)}</th>");
        }

        html.AppendLine("</tr></thead><tbody>");
        foreach (var row in noise.Rows)
        {
            html.Append("<tr>");
            for (int i = 0; i < row.Length; i++)
            {
                string text = HtmlText.Escape(row[i].Text);
                html.Append(i < 2 ? $"<th scope=\"row\">{text}</th>" : row[i].Offending ? $"<td class=\"num bad\"><mark>{text}</mark></td>" : $"<td class=\"num\">{text}</td>");
            }

            html.AppendLine("</tr>");
        }

        html.AppendLine("</tbody></table>");
        html.AppendLine($"<p>{HtmlText.Escape(NoiseTable.Advice)} Every warning in words: results.json.</p></div>");
    }

    private static void AppendTable(StringBuilder html, RunResult run)
    {
        var table = SummaryTable.From(run);
        string baseline = run.BaselineChoice is { } b ? $", {b.Label} ({b.Reason})" : "";
        string bandwidth = BandwidthText.TooWideWarning(run.MemoryBandwidth) is { } warning ? warning + ". " : "";
        HtmlPage.AppendResults(html, table.Headers, table.Rows,
            $"{bandwidth}Latency figures are the median ± sample standard deviation over the measured requests; speed-up and size ratio are against the baseline{baseline}. Definitions: docs/metrics.md.");
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
