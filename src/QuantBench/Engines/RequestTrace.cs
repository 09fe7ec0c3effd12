using System.Collections.Immutable;

namespace QuantBench.Engines;

/// <summary>
/// The raw timeline of one request, in milliseconds since the request started: when the prompt's
/// prefill finished and when each generated token became available to the caller.
/// Every latency metric is derived from this (see <c>docs/metrics.md</c>).
/// </summary>
public sealed record RequestTrace(int PromptTokens, double PrefillEndMs, ImmutableArray<double> TokenTimesMs)
{
    public int OutputTokens => TokenTimesMs.Length;
}
