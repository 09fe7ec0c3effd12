using QuantBench.Statistics;

namespace QuantBench.Throughput;

/// <summary>
/// One batch size of the sweep. Rates are over the repetitions (one value per run); latencies are over
/// every request of every run (B x repetitions values).
/// </summary>
public sealed record BatchSizeResult
{
    public required int BatchSize { get; init; }

    /// <summary>B x N / (time of the last token): all generated tokens over the run's wall time, prefill included.</summary>
    public required SampleStatistics GeneratedTokensPerSecond { get; init; }

    /// <summary>B x (N - 1) / (last token time - first token time): the decode phase alone.</summary>
    public required SampleStatistics DecodeTokensPerSecond { get; init; }

    /// <summary>B / (time of the last token): completed requests per second.</summary>
    public required SampleStatistics RequestsPerSecond { get; init; }

    public required SampleStatistics TimeToFirstTokenMs { get; init; }
    public required SampleStatistics TimePerOutputTokenMs { get; init; }
    public required SampleStatistics EndToEndMs { get; init; }

    /// <summary>KV cache held by the B sequences at their longest (B x (P + N - 1) tokens).</summary>
    public required long KvCacheBytes { get; init; }
}
