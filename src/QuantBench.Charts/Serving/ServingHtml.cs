using System.Globalization;
using System.Text;
using QuantBench.Charts.Html;
using QuantBench.Results;
using QuantBench.Serving;

namespace QuantBench.Charts.Serving;

/// <summary>report.html of a serving sweep: the same page frame as a model run, with the serving table, charts and errors.</summary>
public static class ServingHtml
{
    public static string Render(RunResult run, IReadOnlyList<RenderedChart> charts)
    {
        var serving = run.Serving ?? throw new ArgumentException("the run has no serving section", nameof(run));
        var t = serving.Target;
        var html = HtmlPage.Open("QuantBench serving report", string.Create(CultureInfo.InvariantCulture,
            $"{string.Join(", ", t.Urls)}, {(t.Api == ServingApi.Chat ? "chat" : "completions")}{(t.Model is { } m ? ", model " + m : "")}; prompts of {t.PromptTokens} tokens, {t.OutputTokens} output tokens; started {run.StartedUtc:u}, QuantBench {run.ToolVersion}"));
        foreach (string note in run.Notes.Concat(serving.Notes))
        {
            html.AppendLine($"<p class=\"note\">{HtmlText.Escape(note)}</p>");
        }

        var table = ServingTable.From(serving);
        HtmlPage.AppendResults(html, table.Headers, table.Rows,
            $"Percentiles over each point's successful requests; goodput meets {serving.Plan.Objective}. {(serving.StopReason is { } s ? "The sweep " + s + "." : "")} Definitions: docs/metrics.md, \"Serving\".");
        var server = ServerViewTable.From(serving);
        if (!server.IsEmpty)
        {
            HtmlPage.AppendTable(html, "server", "The server's view", server.Headers, server.Rows, ServingMarkdown.ServerViewFootnote);
        }

        HtmlPage.AppendCharts(html, charts, "No point has a successful request, so there is nothing to chart.");
        AppendProblems(html, serving);
        return HtmlPage.Close(html);
    }

    private static void AppendProblems(StringBuilder html, ServingResult serving)
    {
        var problems = serving.Points.SelectMany(p => p.Warnings.Select(w => $"{p.Load.Label}: {w}")
            .Concat(p.Samples.Where(x => x.Error is not null).GroupBy(x => x.Error!.Kind).Select(g => $"{p.Load.Label}: {g.Count()} x {g.Key}: {g.First().Error!.Detail}"))).ToArray();
        if (problems.Length == 0)
        {
            return;
        }

        html.AppendLine("<section id=\"failures\"><h2>Warnings and errors</h2><ul>");
        foreach (string problem in problems)
        {
            html.AppendLine($"<li>{HtmlText.Escape(problem)}</li>");
        }

        html.AppendLine("</ul></section>");
    }
}
