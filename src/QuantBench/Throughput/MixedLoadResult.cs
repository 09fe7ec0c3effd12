using System.Collections.Immutable;
using QuantBench.Measurements;
using QuantBench.Results;
using QuantBench.Statistics;

namespace QuantBench.Throughput;

/// <summary>
/// Requests arriving at a Poisson rate, served by continuous batching. Latencies are measured from each
/// request's scheduled arrival, so they include time queued for a free slot.
/// </summary>
public sealed record MixedLoadResult
{
    public required int PromptTokens { get; init; }
    public required int OutputTokens { get; init; }
    public required double ArrivalRatePerSecond { get; init; }

    /// <summary>True when the rate was derived from the batch sweep rather than given.</summary>
    public required bool ArrivalRateAutomatic { get; init; }

    public required int MaxConcurrency { get; init; }
    public required int Seed { get; init; }

    /// <summary>Scheduled arrival of each request, ms after the start.</summary>
    public required ImmutableArray<double> ArrivalsMs { get; init; }

    /// <summary>Each request's figures (times from its arrival), in arrival order.</summary>
    public required ImmutableArray<RequestMetrics> Requests { get; init; }

    public required SampleStatistics TimeToFirstTokenMs { get; init; }
    public required SampleStatistics TimePerOutputTokenMs { get; init; }
    public required SampleStatistics EndToEndMs { get; init; }

    /// <summary>Time from arrival to admission into the batch.</summary>
    public required SampleStatistics QueuedMs { get; init; }

    /// <summary>From the first arrival to the last token.</summary>
    public required double DurationMs { get; init; }

    /// <summary>Requests / duration.</summary>
    public required double AchievedRequestsPerSecond { get; init; }

    /// <summary>R x N / duration.</summary>
    public required double GeneratedTokensPerSecond { get; init; }

    public required int PeakConcurrency { get; init; }
    public required long PeakKvCacheBytes { get; init; }
    public required int DecodeSteps { get; init; }

    public int RequestCount => Requests.Length;
}
