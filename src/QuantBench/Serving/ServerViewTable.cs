using System.Collections.Immutable;
using System.Globalization;
using QuantBench.Reports;

namespace QuantBench.Serving;

/// <summary>
/// The server's own view beside the client's, one row per load point with counters: what the server counted
/// over the point (Prometheus <c>/metrics</c>), its time per output token, and the client's TPOT minus it.
/// Empty when no point has counters.
/// </summary>
public sealed record ServerViewTable(ImmutableArray<string> Headers, ImmutableArray<ImmutableArray<string>> Rows)
{
    public bool IsEmpty => Rows.IsEmpty;

    public static ServerViewTable From(ServingResult serving)
    {
        ArgumentNullException.ThrowIfNull(serving);
        var points = serving.Points.Where(p => p.Server is not null).ToArray();
        bool ttft = points.Any(p => p.Server!.TimeToFirstTokenMs is not null);
        var headers = ImmutableArray.CreateBuilder<string>();
        headers.AddRange("load", "server prompt tokens", "server output tokens", "client output tokens", "server prompt s", "server generation s",
            "server ms/token", "client TPOT mean ms", "client - server ms/token");
        if (ttft)
        {
            headers.AddRange("server TTFT mean ms", "client TTFT mean ms");
        }

        var rows = points.Select(p =>
        {
            var server = p.Server!;
            var row = ImmutableArray.CreateBuilder<string>();
            row.AddRange(
                p.Load.Label,
                Count(server.PromptTokens),
                Count(server.GeneratedTokens),
                Count(p.Samples.Where(s => s.Succeeded && s.OutputTokens is not null).Sum(s => s.OutputTokens!.Value)),
                Units.Number(server.PromptSeconds ?? double.NaN, 3),
                Units.Number(server.GenerationSeconds ?? double.NaN, 3),
                Units.Number(server.MsPerOutputToken ?? double.NaN, 3),
                Units.Number(p.Metrics.TimePerOutputTokenMs.Mean, 3),
                Units.Number(p.TransportMsPerTokenFromCounters ?? double.NaN, 3));
            if (ttft)
            {
                row.AddRange(Units.Number(server.TimeToFirstTokenMs ?? double.NaN, 1), Units.Number(p.Metrics.TimeToFirstTokenMs.Mean, 1));
            }

            return row.ToImmutable();
        });
        return new ServerViewTable(headers.ToImmutable(), [.. rows]);
    }

    private static string Count(double? value) => value is { } v ? v.ToString("0", CultureInfo.InvariantCulture) : "n/a";
}
