using System.Collections.Immutable;
using System.Globalization;
using QuantBench.Reports;

namespace QuantBench.Serving;

/// <summary>One row per load point: the figures report.md, report.html and the console show for a serving sweep.</summary>
public sealed record ServingTable(ImmutableArray<string> Headers, ImmutableArray<ImmutableArray<string>> Rows)
{
    public static ServingTable From(ServingResult serving)
    {
        ImmutableArray<string> headers =
        [
            "load", "requests", "ok", "req/s", "output tok/s", "total tok/s", "TTFT p50 ms", "TTFT p99 ms", "ITL p50 ms", "ITL p99 ms",
            "TPOT p50 ms", "E2E p50 ms", "goodput", "goodput req/s", "client - server ms/token", "in flight (mean)", "errors",
        ];
        var rows = serving.Points.Select(p =>
        {
            var m = p.Metrics;
            return ImmutableArray.Create(
                p.Load.Label,
                m.Requests.ToString(CultureInfo.InvariantCulture),
                m.Succeeded.ToString(CultureInfo.InvariantCulture),
                Units.Number(m.RequestsPerSecond, 2),
                Units.Number(m.OutputTokensPerSecond, 1),
                Units.Number(m.TotalTokensPerSecond, 1),
                Units.Number(m.TimeToFirstTokenMs.P50, 1),
                Units.Number(m.TimeToFirstTokenMs.P99, 1),
                Units.Number(m.InterTokenLatencyMs.P50, 2),
                Units.Number(m.InterTokenLatencyMs.P99, 2),
                Units.Number(m.TimePerOutputTokenMs.P50, 2),
                Units.Number(m.EndToEndMs.P50, 1),
                double.IsNaN(m.GoodputShare) ? "n/a" : string.Create(CultureInfo.InvariantCulture, $"{m.GoodputShare * 100:0.#}%"),
                Units.Number(m.GoodputRequestsPerSecond, 2),
                Units.Number(m.TransportMsPerToken.P50, 3),
                Units.Number(m.MeanInFlight, 2),
                m.Errors.ToString());
        });
        return new ServingTable(headers, [.. rows]);
    }
}
