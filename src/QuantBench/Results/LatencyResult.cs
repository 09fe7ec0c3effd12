using System.Collections.Immutable;
using QuantBench.Measurements;
using QuantBench.Statistics;

namespace QuantBench.Results;

/// <summary>The latency test of one model: its raw request samples and the statistics of each metric over them.</summary>
public sealed record LatencyResult
{
    public required int PromptTokens { get; init; }
    public required int OutputTokens { get; init; }
    public required int WarmupRequests { get; init; }
    /// <summary>How the number of measured requests was decided; null in results of older schema.</summary>
    public StoppingOutcome? Stopping { get; init; }
    public required ImmutableArray<RequestMetrics> Requests { get; init; }
    public required SampleStatistics TimeToFirstTokenMs { get; init; }
    public required SampleStatistics TimePerOutputTokenMs { get; init; }
    public required SampleStatistics EndToEndMs { get; init; }
    public required SampleStatistics InterTokenGapMs { get; init; }
    public required SampleStatistics PrefillTokensPerSecond { get; init; }
    public required SampleStatistics DecodeTokensPerSecond { get; init; }

    /// <summary>llama-bench's name for the prefill test of this shape, e.g. <c>pp128</c>.</summary>
    public string PrefillTestName => $"pp{PromptTokens}";

    /// <summary>llama-bench's name for the decode test of this shape, e.g. <c>tg64</c>.</summary>
    public string DecodeTestName => $"tg{OutputTokens}";

    public static LatencyResult From(int promptTokens, int outputTokens, int warmupRequests, ImmutableArray<RequestMetrics> requests) => new()
    {
        PromptTokens = promptTokens,
        OutputTokens = outputTokens,
        WarmupRequests = warmupRequests,
        Requests = requests,
        TimeToFirstTokenMs = SampleStatistics.From(requests.Select(r => r.TimeToFirstTokenMs).ToArray()),
        TimePerOutputTokenMs = SampleStatistics.From(requests.Select(r => r.TimePerOutputTokenMs).ToArray()),
        EndToEndMs = SampleStatistics.From(requests.Select(r => r.EndToEndMs).ToArray()),
        InterTokenGapMs = SampleStatistics.From(requests.SelectMany(r => r.InterTokenGapsMs).ToArray()),
        PrefillTokensPerSecond = SampleStatistics.From(requests.Select(r => r.PrefillTokensPerSecond).ToArray()),
        DecodeTokensPerSecond = SampleStatistics.From(requests.Select(r => r.DecodeTokensPerSecond).ToArray()),
    };
}
