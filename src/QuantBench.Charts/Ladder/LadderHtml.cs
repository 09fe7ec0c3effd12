using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using QuantBench.Charts.Html;
using QuantBench.Launching;
using QuantBench.Results;
using QuantBench.Serving;

namespace QuantBench.Charts.Ladder;

/// <summary>report.html of a launched ladder: the per-level table, the ladder's charts, failed levels with their log tails.</summary>
public static class LadderHtml
{
    public static string Render(RunResult run, IReadOnlyList<RenderedChart> charts)
    {
        var ladder = run.Ladder ?? throw new ArgumentException("the run has no ladder section", nameof(run));
        var t = ladder.Target;
        var html = HtmlPage.Open("QuantBench serving ladder", string.Create(CultureInfo.InvariantCulture,
            $"{ladder.Command}; {(t.Api == ServingApi.Chat ? "chat" : "completions")}; prompts of {t.PromptTokens} tokens, {t.OutputTokens} output tokens, the same requests for every level; started {run.StartedUtc:u}, QuantBench {run.ToolVersion}"));
        foreach (string note in run.Notes)
        {
            html.AppendLine($"<p class=\"note\">{HtmlText.Escape(note)}</p>");
        }

        HtmlPage.AppendResults(html, LadderMarkdown.Headers, ladder.Levels.Select(l => LadderMarkdown.Row(l).ToImmutableArray()),
            $"One launched server per level; memory is its process tree summed; TTFT and ITL are medians at concurrency 1; tg tok/s is 1000 over the mean TPOT there (client) and over the server's own predicted_per_token_ms; goodput meets {ladder.Plan.Objective}. Definitions: docs/metrics.md, \"Serving ladder\".");
        HtmlPage.AppendCharts(html, charts, "No level was measured, so there is nothing to chart.");
        AppendFailures(html, ladder);
        return HtmlPage.Close(html);
    }

    private static void AppendFailures(StringBuilder html, ServingLadder ladder)
    {
        var failed = ladder.Levels.Where(l => l.Failure is not null).ToArray();
        if (failed.Length == 0)
        {
            return;
        }

        html.AppendLine("<section id=\"failures\"><h2>Failed levels</h2>");
        foreach (var level in failed)
        {
            html.AppendLine($"<h3>{HtmlText.Escape(level.Level)}: {HtmlText.Escape(level.Failure!)}</h3>");
            html.AppendLine($"<p>Log: <code>{HtmlText.Escape(level.LogPath)}</code>; last lines:</p><pre>{HtmlText.Escape(string.Join('\n', level.LogTail))}</pre>");
        }

        html.AppendLine("</section>");
    }
}
