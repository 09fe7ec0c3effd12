using System.Globalization;
using System.Text;
using QuantBench.Results;

namespace QuantBench.Reports;

/// <summary>The quality section of report.md: llama-perplexity's statistics for each model against the baseline.</summary>
public static class QualityMarkdown
{
    public static void Append(StringBuilder text, RunResult run)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(run);
        var models = run.Models.Where(m => m.Quality is not null).ToArray();
        if (models.Length == 0)
        {
            return;
        }

        var source = models[0].Quality!;
        text.AppendLine().AppendLine("## Quality against the baseline").AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Source: {source.SourceDescription}; {source.Chunks} chunks of n_ctx {source.ContextTokens}, {source.ScoredTokens} scored tokens per model, by llama-perplexity's method; ± is llama-perplexity's uncertainty. KLD is in nats; Δp is the change in probability of the actual next token.").AppendLine();
        text.AppendLine(Row(["model", "PPL", "PPL(Q)/PPL(base)", "mean ln ratio", "mean KLD", "KLD p99", "KLD max", "mean Δp", "RMS Δp", "same top"]));
        text.AppendLine(Row(["---", "---:", "---:", "---:", "---:", "---:", "---:", "---:", "---:", "---:"]));
        foreach (var model in models)
        {
            var q = model.Quality!;
            string ppl = $"{Units.Number(q.Perplexity.Perplexity, 2)} ± {Units.Number(q.Perplexity.PerplexityUncertainty, 2)}";
            if (q.KlDivergence is not { } k)
            {
                text.AppendLine(Row([model.Model.Label, ppl, "baseline", "", "", "", "", "", "", ""]));
                continue;
            }

            text.AppendLine(Row(
            [
                model.Model.Label,
                ppl,
                $"{Units.Number(k.PerplexityRatio, 4)} ± {Units.Number(k.PerplexityRatioUncertainty, 4)}",
                $"{Units.Number(k.MeanLnPerplexityRatio, 4)} ± {Units.Number(k.MeanLnPerplexityRatioUncertainty, 4)}",
                $"{Units.Number(k.MeanKld, 6)} ± {Units.Number(k.MeanKldUncertainty, 6)}",
                Units.Number(k.Kld.Percentile99, 6),
                Units.Number(k.Kld.Maximum, 6),
                $"{Units.Number(100 * k.MeanDeltaP, 3)} ± {Units.Number(100 * k.MeanDeltaPUncertainty, 3)} %",
                $"{Units.Number(100 * k.RmsDeltaP, 3)} ± {Units.Number(100 * k.RmsDeltaPUncertainty, 3)} %",
                $"{Units.Number(100 * k.SameTopTokenShare, 2)} ± {Units.Number(100 * k.SameTopTokenShareUncertainty, 2)} %",
            ]));
        }
    }

    private static string Row(IEnumerable<string> cells) => MarkdownRow.Of(cells);
}
