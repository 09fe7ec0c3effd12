using System.Globalization;
using System.Text;
using QuantBench.Decisions;
using QuantBench.Results;

namespace QuantBench.Reports;

/// <summary>report.md: the summary table, the conditions, notes and failures, for reading on GitHub or in a terminal.</summary>
public sealed class MarkdownExporter : IExporter
{
    public string FileName => "report.md";

    public void Export(RunResult run, string directory) =>
        AtomicFile.WriteAllText(Path.Combine(directory, FileName), Render(run));

    public static string Render(RunResult run)
    {
        var text = new StringBuilder();
        text.AppendLine("# QuantBench report").AppendLine();
        foreach (string note in run.Notes)
        {
            text.AppendLine($"> {note}").AppendLine();
        }

        var table = SummaryTable.From(run);
        text.AppendLine(Row(table.Headers));
        text.AppendLine(Row(table.Headers.Select((h, i) => i == 0 ? "---" : "---:")));
        foreach (var row in table.Rows)
        {
            text.AppendLine(Row(row));
        }

        var s = run.Settings;
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Latency figures are the median ± sample standard deviation over the measured requests. A request is a prompt of {s.PromptTokens} tokens and {s.OutputTokens} generated tokens (greedy, forced length, KV cache cleared), after {s.WarmupRequests} warm-up requests. Speed-up and size ratio are against the baseline{(run.Baseline is { } b ? $" ({b.Model.Label})" : "")}. Definitions: docs/metrics.md.");
        text.AppendLine();
        text.AppendLine("## Conditions").AppendLine();
        foreach (var (name, value) in RunConditions.Describe(run))
        {
            text.AppendLine($"- {name}: {value}");
        }

        if (run.Phases.Length > 0)
        {
            text.AppendLine().AppendLine("## Phases").AppendLine();
            foreach (var phase in run.Phases)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"- {phase.Name}: {phase.Seconds:0.0} s");
            }
        }

        text.AppendLine().Append(RecommendationSection.Render(run));
        return text.ToString();
    }

    private static string Row(IEnumerable<string> cells) => "| " + string.Join(" | ", cells.Select(c => c.Replace("|", "\\|", StringComparison.Ordinal))) + " |";
}
