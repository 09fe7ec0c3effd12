using System.Globalization;
using System.Text;
using QuantBench.Reports;
using QuantBench.Results;

namespace QuantBench.Serving;

/// <summary>report.md of a serving sweep: the target, one row per load point, warnings, errors and the conditions.</summary>
public static class ServingMarkdown
{
    public static string Render(RunResult run)
    {
        var serving = run.Serving ?? throw new ArgumentException("the run has no serving section", nameof(run));
        var text = new StringBuilder();
        var t = serving.Target;
        text.AppendLine("# QuantBench serving report").AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"{(t.Api == ServingApi.Chat ? "/v1/chat/completions" : "/v1/completions")} at {string.Join(", ", t.Urls)}{(t.Model is { } m ? $", model {m}" : "")}; prompts of {t.PromptTokens} tokens ({Describe(t.PromptLengths)}), {t.OutputTokens} output tokens per request.").AppendLine();
        foreach (string note in run.Notes.Concat(serving.Notes))
        {
            text.AppendLine($"> {note}").AppendLine();
        }

        var table = ServingTable.From(serving);
        text.AppendLine(MarkdownRow.Of(table.Headers));
        text.AppendLine(MarkdownRow.Of(table.Headers.Select((_, i) => i == 0 ? "---" : "---:")));
        foreach (var row in table.Rows)
        {
            text.AppendLine(MarkdownRow.Of(row));
        }

        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Percentiles over each point's successful requests (ITL: every gap between chunks with text, pooled). Goodput: the share of all requests, failed ones included, meeting {serving.Plan.Objective}. Definitions, and how they match vLLM's benchmark and AIPerf: docs/metrics.md, \"Serving\".");
        if (serving.StopReason is { } stop)
        {
            text.AppendLine().AppendLine($"The sweep {stop}.");
        }

        AppendServerView(text, serving);
        AppendProblems(text, serving);
        text.AppendLine().AppendLine("## Conditions").AppendLine();
        var p = serving.Plan;
        text.AppendLine(CultureInfo.InvariantCulture, $"- loads: {string.Join(", ", p.Loads.Select(l => l.Label))}{(p.Loads.Any(l => l.Kind == ServingLoadKind.Rate) ? $" (gamma arrivals, burstiness {p.Loads.First(l => l.Kind == ServingLoadKind.Rate).Burstiness}, seed {p.Seed})" : "")}");
        text.AppendLine(CultureInfo.InvariantCulture, $"- per point: {p.WarmupRequests} warm-up request(s) not counted, then {p.RequestsPerPoint} requests or {p.MaxPointDuration.TotalSeconds:0} s, whichever ends first");
        text.AppendLine(CultureInfo.InvariantCulture, $"- connections: {(t.KeepAlive ? "kept alive and reused" : "a new one per request (Connection: close)")}");
        text.AppendLine(CultureInfo.InvariantCulture, $"- API key: {(t.ApiKeyGiven ? "given (not recorded)" : "none")}");
        text.AppendLine(CultureInfo.InvariantCulture, $"- started {run.StartedUtc:u}, QuantBench {run.ToolVersion}");
        if (run.Machine is { } machine)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- client machine: {machine.CpuModel}, {machine.LogicalCores} logical cores");
        }

        if (serving.ServerMetrics is { } metrics)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- the server's /metrics after the sweep is kept in results.json ({metrics.Split('\n').Length} lines)");
        }

        return text.ToString();
    }

    private static void AppendServerView(StringBuilder text, ServingResult serving)
    {
        var table = ServerViewTable.From(serving);
        if (table.IsEmpty)
        {
            return;
        }

        text.AppendLine().AppendLine("## The server's view").AppendLine();
        text.AppendLine(MarkdownRow.Of(table.Headers));
        text.AppendLine(MarkdownRow.Of(table.Headers.Select((_, i) => i == 0 ? "---" : "---:")));
        foreach (var row in table.Rows)
        {
            text.AppendLine(MarkdownRow.Of(row));
        }

        text.AppendLine().AppendLine(ServerViewFootnote);
    }

    /// <summary>What the server's-view table shows, for report.md and report.html.</summary>
    public const string ServerViewFootnote = "How much the server's own Prometheus counters (/metrics) grew over each point's measured requests, read after the warm-ups and after the last request. "
        + "Server ms/token: llama-server's generation seconds over its generated tokens (summed over its slots, so it is each stream's own pace), or vLLM's inter-token histogram. "
        + "Client - server ms/token: the client's mean TPOT minus it, the share of each token's time spent outside the server's generation (HTTP, streaming, the client). "
        + "Server counts above the client's: requests the client gave up on, or other traffic on the server.";

    private static void AppendProblems(StringBuilder text, ServingResult serving)
    {
        var warned = serving.Points.Where(p => p.Warnings.Length > 0).ToArray();
        var failed = serving.Points.Where(p => p.Metrics.Errors.Total > 0).ToArray();
        if (warned.Length > 0)
        {
            text.AppendLine().AppendLine("## Warnings").AppendLine();
            foreach (var point in warned)
            {
                foreach (string warning in point.Warnings)
                {
                    text.AppendLine($"- {point.Load.Label}: {warning}");
                }
            }
        }

        if (failed.Length > 0)
        {
            text.AppendLine().AppendLine("## Errors").AppendLine();
            text.AppendLine("Every failed request is counted under one kind (refused, timeout, HTTP status, malformed stream, cut stream); the first of each kind per point:").AppendLine();
            foreach (var point in failed)
            {
                foreach (var first in point.Samples.Where(s => s.Error is not null).GroupBy(s => s.Error!.Kind).Select(g => g.First()))
                {
                    int count = point.Samples.Count(s => s.Error?.Kind == first.Error!.Kind);
                    text.AppendLine(CultureInfo.InvariantCulture, $"- {point.Load.Label}: {count} x {first.Error!.Kind}: {first.Error.Detail}");
                }
            }
        }
    }

    private static string Describe(PromptLengthSource source) => source == PromptLengthSource.ServerTokenizer
        ? "exact, by the server's tokenizer"
        : "estimated as one word per token: the server had no /tokenize";
}
