using System.Collections.Immutable;

namespace QuantBench.Serving;

/// <summary>
/// A point's figures, all derived from its raw samples (docs/metrics.md, "Serving"). Rates divide by the point's
/// duration: from the first request sent to the last one ended. Token figures use the server's counts only.
/// </summary>
public sealed record ServingPointMetrics
{
    public required int Requests { get; init; }
    public required int Succeeded { get; init; }
    public required ServingErrorCounts Errors { get; init; }
    public required double DurationSeconds { get; init; }
    /// <summary>Successful requests per second.</summary>
    public required double RequestsPerSecond { get; init; }
    /// <summary>Output tokens of successful requests per second; NaN when no request had a server token count.</summary>
    public required double OutputTokensPerSecond { get; init; }
    /// <summary>Prompt and output tokens of successful requests per second; NaN when the counts are unknown.</summary>
    public required double TotalTokensPerSecond { get; init; }
    public required LatencyPercentiles TimeToFirstTokenMs { get; init; }
    public required LatencyPercentiles TimePerOutputTokenMs { get; init; }
    /// <summary>Every gap between chunks with output text, of every successful request, pooled.</summary>
    public required LatencyPercentiles InterTokenLatencyMs { get; init; }
    /// <summary>Each successful request's mean gap, one value per request.</summary>
    public required LatencyPercentiles InterTokenLatencyPerRequestMs { get; init; }
    public required LatencyPercentiles EndToEndMs { get; init; }
    /// <summary>Client TPOT minus the server's predicted_per_token_ms, per request where the server reports it.</summary>
    public required LatencyPercentiles TransportMsPerToken { get; init; }
    /// <summary>Share of all requests (failed ones included) that met every objective.</summary>
    public required double GoodputShare { get; init; }
    /// <summary>Requests that met every objective, per second.</summary>
    public required double GoodputRequestsPerSecond { get; init; }
    /// <summary>Time-weighted mean of the requests in flight over the point.</summary>
    public required double MeanInFlight { get; init; }
    public required int MaxInFlight { get; init; }
    /// <summary>Successful requests without a server token count (their tokens are left out of the rates).</summary>
    public required int WithoutTokenCounts { get; init; }

    public double ErrorRate => Requests == 0 ? 0 : (double)Errors.Total / Requests;

    public static ServingPointMetrics From(IReadOnlyList<ServingSample> samples, ServiceLevelObjective objective)
    {
        var ok = samples.Where(s => s.Succeeded).ToArray();
        double startMs = samples.Count == 0 ? 0 : samples.Min(s => s.SentMs);
        double endMs = samples.Count == 0 ? 0 : samples.Max(s => s.SentMs + s.EndMs);
        double seconds = (endMs - startMs) / 1000.0;
        double Rate(double count) => seconds > 0 ? count / seconds : double.NaN;

        var counted = ok.Where(s => s.OutputTokens is not null).ToArray();
        double outputTokens = counted.Sum(s => (double)s.OutputTokens!.Value);
        double totalTokens = counted.Where(s => s.PromptTokens is not null).Sum(s => (double)(s.PromptTokens!.Value + s.OutputTokens!.Value));
        bool promptsKnown = counted.All(s => s.PromptTokens is not null);
        int good = samples.Count(objective.IsMetBy);
        var steps = InFlightStep.Series(samples);

        return new ServingPointMetrics
        {
            Requests = samples.Count,
            Succeeded = ok.Length,
            Errors = ServingErrorCounts.From(samples),
            DurationSeconds = seconds,
            RequestsPerSecond = Rate(ok.Length),
            OutputTokensPerSecond = counted.Length == 0 ? double.NaN : Rate(outputTokens),
            TotalTokensPerSecond = counted.Length == 0 || !promptsKnown ? double.NaN : Rate(totalTokens),
            TimeToFirstTokenMs = LatencyPercentiles.From(ok.Select(s => s.TimeToFirstTokenMs).OfType<double>()),
            TimePerOutputTokenMs = LatencyPercentiles.From(ok.Select(s => s.TimePerOutputTokenMs).OfType<double>()),
            InterTokenLatencyMs = LatencyPercentiles.From(ok.SelectMany(s => s.InterChunkGapsMs)),
            InterTokenLatencyPerRequestMs = LatencyPercentiles.From(ok.Select(s => s.InterChunkGapsMs.ToArray()).Where(g => g.Length > 0).Select(g => g.Average())),
            EndToEndMs = LatencyPercentiles.From(ok.Select(s => s.EndMs)),
            TransportMsPerToken = LatencyPercentiles.From(ok.Select(s => s.TransportMsPerToken).OfType<double>()),
            GoodputShare = samples.Count == 0 ? double.NaN : (double)good / samples.Count,
            GoodputRequestsPerSecond = Rate(good),
            MeanInFlight = MeanOf(steps, startMs, endMs),
            MaxInFlight = steps.IsEmpty ? 0 : steps.Max(s => s.InFlight),
            WithoutTokenCounts = ok.Length - counted.Length,
        };
    }

    private static double MeanOf(ImmutableArray<InFlightStep> steps, double startMs, double endMs)
    {
        if (endMs <= startMs)
        {
            return double.NaN;
        }

        double area = 0;
        for (int i = 0; i + 1 < steps.Length; i++)
        {
            area += steps[i].InFlight * (steps[i + 1].TimeMs - steps[i].TimeMs);
        }

        return area / (endMs - startMs);
    }
}
