using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace QuantBench.Serving;

/// <summary>One load point: its raw samples (measured requests only, warm-ups left out) and the figures derived from them.</summary>
public sealed record ServingPoint
{
    public required ServingLoad Load { get; init; }
    public required int WarmupRequests { get; init; }
    public required ImmutableArray<ServingSample> Samples { get; init; }
    public required ServingPointMetrics Metrics { get; init; }
    /// <summary>The client process's CPU time over the point's wall time, as a share of all cores.</summary>
    public required double ClientCpuShare { get; init; }
    public ImmutableArray<string> Warnings { get; init; } = [];

    /// <summary>The server's own counters over the point (Prometheus <c>/metrics</c>); null where it has none.</summary>
    public ServerPointCounters? Server { get; init; }

    /// <summary>
    /// The client's mean TPOT minus the server's own time per output token from its counters: the share of each
    /// token's time spent outside the server's generation (HTTP, streaming, the client). Null without counters.
    /// </summary>
    [JsonIgnore]
    public double? TransportMsPerTokenFromCounters =>
        Server?.MsPerOutputToken is { } server && double.IsFinite(Metrics.TimePerOutputTokenMs.Mean) ? Metrics.TimePerOutputTokenMs.Mean - server : null;
}
