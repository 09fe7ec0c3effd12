using System.Globalization;
using System.Text;
using QuantBench.Results;
using QuantBench.Statistics;

namespace QuantBench.Reports.Exporters;

/// <summary>
/// results.csv: one row per model with the figures of <see cref="SummaryTable"/> as raw numbers (invariant culture,
/// '.' decimals, units in the column names, empty for undefined) and each latency figure's mean, median, standard
/// deviation, confidence interval, p90 and p99. RFC 4180 quoting.
/// </summary>
public sealed class CsvExporter : IExporter
{
    private static readonly (string Name, Func<LatencyResult, SampleStatistics> Figure)[] Figures =
    [
        ("ttft_ms", l => l.TimeToFirstTokenMs),
        ("tpot_ms", l => l.TimePerOutputTokenMs),
        ("e2e_ms", l => l.EndToEndMs),
        ("pp_tokens_per_s", l => l.PrefillTokensPerSecond),
        ("tg_tokens_per_s", l => l.DecodeTokensPerSecond),
    ];

    private static readonly string[] Statistics = ["mean", "median", "sd", "ci_lower", "ci_upper", "p90", "p99"];

    public string FileName => "results.csv";

    public void Export(RunResult run, string directory) =>
        AtomicFile.WriteAllText(Path.Combine(directory, FileName), Render(run));

    public static IReadOnlyList<string> Headers { get; } =
    [
        "model", "status", "failure", "file_bytes", "tensor_bytes", "parameters", "bits_per_weight", "load_ms",
        "prompt_tokens", "output_tokens", "requests", "ci_level",
        .. Figures.SelectMany(f => Statistics.Select(s => $"{f.Name}_{s}")),
        "peak_rss_bytes", "tg_speedup_ratio", "size_ratio",
    ];

    public static string Render(RunResult run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var text = new StringBuilder();
        text.Append(string.Join(',', Headers)).Append("\r\n");
        var baseline = run.Baseline;
        foreach (var model in run.Models)
        {
            text.Append(string.Join(',', Row(model, baseline).Select(Quote))).Append("\r\n");
        }

        return text.ToString();
    }

    private static IEnumerable<string> Row(ModelResult model, ModelResult? baseline)
    {
        var d = model.Model;
        var l = model.Status == ModelStatus.Succeeded ? model.Latency : null;
        yield return d.Label;
        yield return model.Status.ToString().ToLowerInvariant();
        yield return model.Failure ?? "";
        yield return Integer(d.FileBytes);
        yield return Integer(d.TensorBytes);
        yield return Integer(d.ParameterCount);
        yield return Number(d.BitsPerWeight);
        yield return l is null ? "" : Number(model.LoadTimeMs);
        yield return l is null ? "" : Integer(l.PromptTokens);
        yield return l is null ? "" : Integer(l.OutputTokens);
        yield return l is null ? "" : Integer(l.Requests.Length);
        yield return l is null ? "" : Number(l.TimeToFirstTokenMs.ConfidenceLevel);
        foreach (var (_, figure) in Figures)
        {
            var s = l is null ? null : figure(l);
            foreach (double value in s is null ? Statistics.Select(_ => double.NaN)
                : [s.Mean, s.Median, s.StandardDeviation, s.ConfidenceIntervalLower, s.ConfidenceIntervalUpper, s.P90, s.P99])
            {
                yield return Number(value);
            }
        }

        yield return model.Memory is { } m ? Integer(m.PeakResidentBytes) : "";
        // The same ratios as SummaryTable: decode speed-up and size ratio against the run's baseline.
        yield return l is not null && baseline?.Latency is { } b ? Number(l.DecodeTokensPerSecond.Median / b.DecodeTokensPerSecond.Median) : "";
        yield return l is not null && baseline is not null && d.FileBytes > 0 ? Number((double)baseline.Model.FileBytes / d.FileBytes) : "";
    }

    private static string Integer(long value) => value.ToString(CultureInfo.InvariantCulture);

    // Shortest text that reads back to the same double; undefined figures are empty cells, not "NaN".
    private static string Number(double value) => double.IsFinite(value) ? value.ToString("R", CultureInfo.InvariantCulture) : "";

    private static string Quote(string cell) =>
        cell.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
}
