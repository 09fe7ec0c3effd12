using System.Collections.Immutable;
using QuantBench.Results;

namespace QuantBench.Reports;

/// <summary>
/// The one table every report shows (one row per model), computed once so that Markdown, CSV, the
/// console and HTML all carry the same figures.
/// </summary>
public sealed record SummaryTable(ImmutableArray<string> Headers, ImmutableArray<ImmutableArray<string>> Rows)
{
    public static SummaryTable From(RunResult run)
    {
        var baseline = run.Baseline;
        string pp = run.Models.Select(m => m.Latency?.PrefillTestName).FirstOrDefault(n => n is not null) ?? $"pp{run.Settings.PromptTokens}";
        string tg = run.Models.Select(m => m.Latency?.DecodeTestName).FirstOrDefault(n => n is not null) ?? $"tg{run.Settings.OutputTokens}";
        ImmutableArray<string> headers =
        [
            "model", "size", "params", "bpw", "load ms", "TTFT ms", "TPOT ms", "ms/request",
            $"{pp} t/s", $"{tg} t/s", "tg % of limit", "peak RSS", "tg speed-up", "size ratio",
        ];

        var rows = run.Models.Select(m => Row(m, baseline)).ToImmutableArray();
        return new SummaryTable(headers, rows);
    }

    private static ImmutableArray<string> Row(ModelResult model, ModelResult? baseline)
    {
        var d = model.Model;
        if (model.Status == ModelStatus.Failed || model.Latency is null)
        {
            return [d.Label, Units.Bytes(d.FileBytes), Units.Parameters(d.ParameterCount), Units.Number(d.BitsPerWeight, 2),
                "failed: " + (model.Failure ?? "unknown"), "", "", "", "", "", "", "", "", ""];
        }

        var l = model.Latency;
        double speedUp = baseline?.Latency is { } b ? l.DecodeTokensPerSecond.Median / b.DecodeTokensPerSecond.Median : double.NaN;
        double sizeRatio = baseline is not null && d.FileBytes > 0 ? (double)baseline.Model.FileBytes / d.FileBytes : double.NaN;
        return
        [
            d.Label,
            Units.Bytes(d.FileBytes),
            Units.Parameters(d.ParameterCount),
            Units.Number(d.BitsPerWeight, 2),
            Units.Number(model.LoadTimeMs, 0),
            WithSpread(l.TimeToFirstTokenMs.Median, l.TimeToFirstTokenMs.StandardDeviation, 2),
            WithSpread(l.TimePerOutputTokenMs.Median, l.TimePerOutputTokenMs.StandardDeviation, 2),
            WithSpread(l.EndToEndMs.Median, l.EndToEndMs.StandardDeviation, 1),
            WithSpread(l.PrefillTokensPerSecond.Median, l.PrefillTokensPerSecond.StandardDeviation, 1),
            WithSpread(l.DecodeTokensPerSecond.Median, l.DecodeTokensPerSecond.StandardDeviation, 1),
            model.Roofline is { } roof ? Units.Number(100 * roof.ShareOfLimit, 0) + " %" : "n/a",
            model.Memory is { } mem ? Units.Bytes(mem.PeakResidentBytes) : "n/a",
            Units.Ratio(speedUp),
            Units.Ratio(sizeRatio),
        ];
    }

    private static string WithSpread(double median, double sd, int decimals) =>
        double.IsNaN(sd) ? Units.Number(median, decimals) : $"{Units.Number(median, decimals)} ± {Units.Number(sd, decimals)}";
}
