using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace QuantBench.Serving;

/// <summary>
/// One level of a launched ladder (<c>serve --launch</c>): its model file, its server's startup time and memory,
/// the sweep's points, and the headline figures derived from them; or why the level failed.
/// </summary>
public sealed record LevelServingSummary
{
    /// <summary>The level's label (the model file's name).</summary>
    public required string Level { get; init; }

    /// <summary>The model file given to the server's <c>{model}</c>; null for a command that names no model.</summary>
    public string? ModelPath { get; init; }

    /// <summary>The model file's size; null for a server whose command names no model.</summary>
    public long? FileBytes { get; init; }

    /// <summary>Start to first ready answer.</summary>
    public double? StartupSeconds { get; init; }

    /// <summary>The server's memory; null when it never became ready.</summary>
    public ServerMemoryResult? Memory { get; init; }

    /// <summary>The sweep's points; empty for a failed level.</summary>
    public ImmutableArray<ServingPoint> Points { get; init; } = [];

    /// <summary>Why the sweep stopped before its last point (flat throughput, errors, an interrupt), or null.</summary>
    public string? StopReason { get; init; }

    /// <summary>Why the level failed (one line); null when it was measured.</summary>
    public string? Failure { get; init; }

    /// <summary>The last lines of the server's log when it failed.</summary>
    public ImmutableArray<string> LogTail { get; init; } = [];

    /// <summary>The server's log file.</summary>
    public required string LogPath { get; init; }

    /// <summary>The concurrency-1 point, where TTFT and ITL are the unloaded latencies.</summary>
    [JsonIgnore]
    public ServingPoint? SingleStream => Points.FirstOrDefault(p => p.Load.Kind == ServingLoadKind.Concurrency && p.Load.Value == 1);

    /// <summary>The highest output token rate of any point.</summary>
    public double? PeakOutputTokensPerSecond => Points.IsEmpty ? null : Points.Max(p => p.Metrics.OutputTokensPerSecond);

    /// <summary>Generated tokens per second of one stream at concurrency 1, as the client saw it: 1000 over the mean TPOT.</summary>
    public double? SingleStreamTokensPerSecond => SingleStream?.Metrics.TimePerOutputTokenMs.Mean is double tpot && tpot > 0 ? 1000 / tpot : null;

    /// <summary>The same rate as the server timed it (llama-server's <c>predicted_per_token_ms</c>, mean over requests); null when it reports none.</summary>
    public double? SingleStreamServerTokensPerSecond =>
        SingleStream?.Samples.Select(s => s.ServerPredictedPerTokenMs).OfType<double>().DefaultIfEmpty(double.NaN).Average() is double ms && ms > 0 ? 1000 / ms : null;

    /// <summary>The highest rate of requests meeting the SLO (goodput) of any point.</summary>
    public double? PeakGoodputRequestsPerSecond => Points.IsEmpty ? null : Points.Max(p => p.Metrics.GoodputRequestsPerSecond);
}
