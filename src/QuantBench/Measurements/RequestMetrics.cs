using System.Collections.Immutable;
using QuantBench.Engines;

namespace QuantBench.Measurements;

/// <summary>
/// The per-request figures derived from a <see cref="RequestTrace"/>, as defined in docs/metrics.md:
/// TTFT = time of the first generated token; E2E = time of the last; TPOT = (E2E - TTFT) / (N - 1);
/// inter-token gaps = differences between consecutive token times; prefill rate = P / prefill time;
/// decode rate = (N - 1) / (E2E - TTFT).
/// </summary>
public sealed record RequestMetrics(
    double TimeToFirstTokenMs,
    double TimePerOutputTokenMs,
    double EndToEndMs,
    double PrefillMs,
    double PrefillTokensPerSecond,
    double DecodeTokensPerSecond,
    ImmutableArray<double> InterTokenGapsMs)
{
    public static RequestMetrics From(RequestTrace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        if (trace.OutputTokens < 1)
        {
            throw new ArgumentException("a request must generate at least one token", nameof(trace));
        }

        var times = trace.TokenTimesMs;
        double ttft = times[0];
        double e2e = times[^1];
        int decodeSteps = trace.OutputTokens - 1;
        double decodeMs = e2e - ttft;
        double tpot = decodeSteps > 0 ? decodeMs / decodeSteps : double.NaN;
        var gaps = ImmutableArray.CreateBuilder<double>(decodeSteps);
        for (int i = 1; i < times.Length; i++)
        {
            gaps.Add(times[i] - times[i - 1]);
        }

        return new RequestMetrics(
            ttft,
            tpot,
            e2e,
            trace.PrefillEndMs,
            trace.PrefillEndMs > 0 ? trace.PromptTokens * 1000.0 / trace.PrefillEndMs : double.NaN,
            decodeSteps > 0 && decodeMs > 0 ? decodeSteps * 1000.0 / decodeMs : double.NaN,
            gaps.MoveToImmutable());
    }
}
