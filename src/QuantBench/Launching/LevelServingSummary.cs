using System.Collections.Immutable;
using QuantBench.Serving;

namespace QuantBench.Launching;

/// <summary>One level of a launched ladder: its server's startup and memory and the sweep's headline figures, or why it failed.</summary>
public sealed record LevelServingSummary
{
    /// <summary>The level's label (the model file's name).</summary>
    public required string Level { get; init; }

    /// <summary>The model file's size; null for a server whose command names no model.</summary>
    public long? FileBytes { get; init; }

    /// <summary>Start to first ready answer.</summary>
    public double? StartupSeconds { get; init; }

    /// <summary>The server's memory; null when it never became ready.</summary>
    public ServerMemoryResult? Memory { get; init; }

    /// <summary>The sweep's points; empty for a failed level.</summary>
    public ImmutableArray<ServingPoint> Points { get; init; } = [];

    /// <summary>Why the level failed (one line); null when it was measured.</summary>
    public string? Failure { get; init; }

    /// <summary>The last lines of the server's log when it failed.</summary>
    public ImmutableArray<string> LogTail { get; init; } = [];

    /// <summary>The server's log file.</summary>
    public required string LogPath { get; init; }

    /// <summary>The concurrency-1 point, where TTFT and ITL are the unloaded latencies.</summary>
    public ServingPoint? SingleStream => Points.FirstOrDefault(p => p.Load.Kind == ServingLoadKind.Concurrency && p.Load.Value == 1);

    /// <summary>The highest output token rate of any point.</summary>
    public double? PeakOutputTokensPerSecond => Points.IsEmpty ? null : Points.Max(p => p.Metrics.OutputTokensPerSecond);

    /// <summary>The highest rate of requests meeting the SLO (goodput) of any point.</summary>
    public double? PeakGoodputRequestsPerSecond => Points.IsEmpty ? null : Points.Max(p => p.Metrics.GoodputRequestsPerSecond);
}
