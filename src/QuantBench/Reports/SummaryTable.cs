using System.Collections.Immutable;
using QuantBench.Results;

namespace QuantBench.Reports;

/// <summary>
/// The one table every report shows (one row per model), computed once so that Markdown, CSV, the
/// console and HTML all carry the same figures. Column groups appear only when some model has them
/// (as llama-bench shows only the columns that carry information); a failed model keeps what it measured.
/// </summary>
public sealed record SummaryTable(ImmutableArray<string> Headers, ImmutableArray<ImmutableArray<string>> Rows)
{
    public static SummaryTable From(RunResult run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var baseline = run.Baseline;
        bool latency = run.Models.Any(m => m.Latency is not null);
        bool quality = run.Models.Any(m => m.Quality is not null);
        bool failures = run.Models.Any(m => m.Status == ModelStatus.Failed);
        string pp = run.Models.Select(m => m.Latency?.PrefillTestName).FirstOrDefault(n => n is not null) ?? $"pp{run.Settings.PromptTokens}";
        string tg = run.Models.Select(m => m.Latency?.DecodeTestName).FirstOrDefault(n => n is not null) ?? $"tg{run.Settings.OutputTokens}";

        bool mix = run.Models.Any(m => m.Model.LevelMix is not null);
        var headers = new List<string> { "model", "size", "params", "bpw" };
        if (mix)
        {
            headers.Add("type mix");
        }

        if (latency)
        {
            headers.AddRange(["load ms", "TTFT ms", "TPOT ms", "ms/request", $"{pp} t/s", $"{tg} t/s", "tg % of limit", "peak RSS", "tg speed-up"]);
        }

        if (quality)
        {
            headers.AddRange(["PPL", "KLD", "same top"]);
        }

        headers.Add("size ratio");
        if (failures)
        {
            headers.Add("status");
        }

        var rows = run.Models.Select(m => Row(m, baseline, mix, latency, quality, failures)).ToImmutableArray();
        return new SummaryTable([.. headers], rows);
    }

    private static ImmutableArray<string> Row(ModelResult model, ModelResult? baseline, bool mix, bool latency, bool quality, bool failures)
    {
        var d = model.Model;
        var cells = new List<string> { d.Label, Units.Bytes(d.FileBytes), Units.Parameters(d.ParameterCount), Units.Number(d.BitsPerWeight, 2) };
        if (mix)
        {
            cells.Add(d.LevelMix is { } m ? MixCell(m) : "n/a");
        }

        if (latency)
        {
            cells.AddRange(LatencyCells(model, baseline));
        }

        if (quality)
        {
            cells.AddRange(QualityCells(model));
        }

        double sizeRatio = baseline is not null && d.FileBytes > 0 ? (double)baseline.Model.FileBytes / d.FileBytes : double.NaN;
        cells.Add(Units.Ratio(sizeRatio));
        if (failures)
        {
            cells.Add(model.Status == ModelStatus.Failed ? "failed: " + (model.Failure ?? "unknown") : "ok");
        }

        return [.. cells];
    }

    private static IEnumerable<string> LatencyCells(ModelResult model, ModelResult? baseline)
    {
        if (model.Latency is not { } l)
        {
            return Enumerable.Repeat("n/a", 9);
        }

        double speedUp = baseline?.Latency is { } b ? l.DecodeTokensPerSecond.Median / b.DecodeTokensPerSecond.Median : double.NaN;
        return
        [
            Units.Number(model.LoadTimeMs, 0),
            WithSpread(l.TimeToFirstTokenMs.Median, l.TimeToFirstTokenMs.StandardDeviation, 2),
            WithSpread(l.TimePerOutputTokenMs.Median, l.TimePerOutputTokenMs.StandardDeviation, 2),
            WithSpread(l.EndToEndMs.Median, l.EndToEndMs.StandardDeviation, 1),
            WithSpread(l.PrefillTokensPerSecond.Median, l.PrefillTokensPerSecond.StandardDeviation, 1),
            WithSpread(l.DecodeTokensPerSecond.Median, l.DecodeTokensPerSecond.StandardDeviation, 1),
            model.Roofline is { } roof ? Units.Number(100 * roof.ShareOfLimit, 0) + " %" : "n/a",
            model.Memory is { } mem ? Units.Bytes(mem.PeakResidentBytes) : "n/a",
            Units.Ratio(speedUp),
        ];
    }

    private static IEnumerable<string> QualityCells(ModelResult model)
    {
        if (model.Quality is not { } q)
        {
            return ["n/a", "n/a", "n/a"];
        }

        string ppl = WithSpread(q.Perplexity.Perplexity, q.Perplexity.PerplexityUncertainty, 2);
        if (q.KlDivergence is not { } k)
        {
            return [ppl, "baseline", "baseline"];
        }

        return [ppl, WithSpread(k.MeanKld, k.MeanKldUncertainty, 4), WithSpread(100 * k.SameTopTokenShare, 100 * k.SameTopTokenShareUncertainty, 1) + " %"];
    }

    // "24% K-quant (Q5_0 60%, Q8_0 16%, Q4_K 24%); 31 of 37 fell back"
    private static string MixCell(LevelMix mix)
    {
        string cell = $"{LevelMix.Percent(mix.FamilyShare)} {mix.Family} ({string.Join(", ", mix.Types)})";
        return mix.FallbackCount is > 0 ? $"{cell}; {mix.FallbackCount} of {mix.WeightCount} fell back" : cell;
    }

    private static string WithSpread(double value, double spread, int decimals) =>
        double.IsNaN(spread) ? Units.Number(value, decimals) : $"{Units.Number(value, decimals)} ± {Units.Number(spread, decimals)}";
}
