using System.Collections.Immutable;
using QuantBench.Measurements;

namespace QuantBench.Results;

/// <summary>One measured request's figures, kept raw in results.json so that every statistic can be recomputed.</summary>
public sealed record RequestSample(
    double TimeToFirstTokenMs,
    double TimePerOutputTokenMs,
    double EndToEndMs,
    double PrefillMs,
    double PrefillTokensPerSecond,
    double DecodeTokensPerSecond,
    ImmutableArray<double> InterTokenGapsMs)
{
    public static RequestSample From(RequestMetrics metrics) => new(
        metrics.TimeToFirstTokenMs,
        metrics.TimePerOutputTokenMs,
        metrics.EndToEndMs,
        metrics.PrefillMs,
        metrics.PrefillTokensPerSecond,
        metrics.DecodeTokensPerSecond,
        metrics.InterTokenGapsMs);
}
