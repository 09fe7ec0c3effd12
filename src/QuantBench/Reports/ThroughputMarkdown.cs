using System.Globalization;
using System.Text;
using QuantBench.Results;

namespace QuantBench.Reports;

/// <summary>The throughput section of report.md: batch sweep (with knee and largest batch that fits), mixed load, context depth.</summary>
public static class ThroughputMarkdown
{
    public static void Append(StringBuilder text, RunResult run)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(run);
        var models = run.Models.Where(m => m.Throughput is not null).ToArray();
        if (models.Length == 0)
        {
            return;
        }

        var sweeps = models.Where(m => m.Throughput!.BatchSweep is not null).ToArray();
        if (sweeps.Length > 0)
        {
            var first = sweeps[0].Throughput!.BatchSweep!;
            text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"## Throughput against batch size ({first.TestName} per sequence)").AppendLine();
            text.AppendLine("B sequences decoded together in one llama.cpp batch. Aggregate generated tokens/s (median over repetitions); the knee is the smallest batch that no larger one beats by the minimum gain; 'fits' is the largest batch whose KV cache fits in the memory available.").AppendLine();
            var sizes = sweeps.SelectMany(m => m.Throughput!.BatchSweep!.Points.Select(p => p.BatchSize)).Distinct().Order().ToArray();
            text.AppendLine(Row(["model", .. sizes.Select(b => $"B={b} t/s"), "knee", "fits"]));
            text.AppendLine(Row(["---", .. sizes.Select(_ => "---:"), "---:", "---:"]));
            foreach (var model in sweeps)
            {
                var sweep = model.Throughput!.BatchSweep!;
                var cells = sizes.Select(b => sweep.Points.FirstOrDefault(p => p.BatchSize == b) is { } p ? Units.Number(p.GeneratedTokensPerSecond.Median, 1) : "n/a");
                text.AppendLine(Row([model.Model.Label, .. cells, sweep.KneeBatchSize?.ToString(CultureInfo.InvariantCulture) ?? "n/a",
                    sweep.MemoryFit?.LargestBatchSize.ToString(CultureInfo.InvariantCulture) ?? "n/a"]));
            }

            text.AppendLine().AppendLine("Per sequence at each batch size (median TPOT ms / end-to-end ms / requests per second / KV cache):").AppendLine();
            text.AppendLine(Row(["model", .. sizes.Select(b => $"B={b}")]));
            text.AppendLine(Row(["---", .. sizes.Select(_ => "---:")]));
            foreach (var model in sweeps)
            {
                var sweep = model.Throughput!.BatchSweep!;
                var cells = sizes.Select(b => sweep.Points.FirstOrDefault(p => p.BatchSize == b) is { } p
                    ? $"{Units.Number(p.TimePerOutputTokenMs.Median, 2)} / {Units.Number(p.EndToEndMs.Median, 0)} / {Units.Number(p.RequestsPerSecond.Median, 2)} / {Units.Bytes(p.KvCacheBytes)}"
                    : "n/a");
                text.AppendLine(Row([model.Model.Label, .. cells]));
            }
        }

        var mixed = models.Where(m => m.Throughput!.MixedLoad is not null).ToArray();
        if (mixed.Length > 0)
        {
            text.AppendLine().AppendLine("## Mixed load (continuous batching)").AppendLine();
            text.AppendLine("Requests arrive on a seeded Poisson schedule and join the running batch as others finish. Latency figures are median / p90 / p99.").AppendLine();
            text.AppendLine(Row(["model", "requests", "rate req/s", "max concurrency", "TTFT ms", "TPOT ms", "E2E ms", "achieved req/s", "tokens/s"]));
            text.AppendLine(Row(["---", "---:", "---:", "---:", "---:", "---:", "---:", "---:", "---:"]));
            foreach (var model in mixed)
            {
                var m = model.Throughput!.MixedLoad!;
                static string Spread(Statistics.SampleStatistics s) => $"{Units.Number(s.Median, 1)} / {Units.Number(s.P90, 1)} / {Units.Number(s.P99, 1)}";
                text.AppendLine(Row([model.Model.Label, m.RequestCount.ToString(CultureInfo.InvariantCulture),
                    Units.Number(m.ArrivalRatePerSecond, 2) + (m.ArrivalRateAutomatic ? " (auto)" : ""), m.MaxConcurrency.ToString(CultureInfo.InvariantCulture),
                    Spread(m.TimeToFirstTokenMs), Spread(m.TimePerOutputTokenMs), Spread(m.EndToEndMs),
                    Units.Number(m.AchievedRequestsPerSecond, 2), Units.Number(m.GeneratedTokensPerSecond, 1)]));
            }
        }

        var depth = models.Where(m => m.Throughput!.ContextDepth is not null).ToArray();
        if (depth.Length > 0)
        {
            text.AppendLine().AppendLine("## Decode rate against context depth").AppendLine();
            var names = depth.SelectMany(m => m.Throughput!.ContextDepth!.Points.Select(p => (p.DepthTokens, p.DecodeTestName))).Distinct().OrderBy(p => p.DepthTokens).ToArray();
            text.AppendLine(Row(["model", .. names.Select(n => n.DecodeTestName + " t/s")]));
            text.AppendLine(Row(["---", .. names.Select(_ => "---:")]));
            foreach (var model in depth)
            {
                var points = model.Throughput!.ContextDepth!.Points;
                text.AppendLine(Row([model.Model.Label, .. names.Select(n => points.FirstOrDefault(p => p.DepthTokens == n.DepthTokens) is { } p ? Units.Number(p.DecodeTokensPerSecond.Median, 1) : "n/a")]));
            }
        }
    }

    private static string Row(IEnumerable<string> cells) => MarkdownRow.Of(cells);
}
