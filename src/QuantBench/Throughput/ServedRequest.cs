using System.Collections.Immutable;
using QuantBench.Engines;

namespace QuantBench.Throughput;

/// <summary>
/// One request as a scheduler served it. Arrival is in ms after the start of the run; QueuedMs is the time from arrival to admission; the trace's times are
/// ms after the request's arrival, so its TTFT includes the time spent queued for a free sequence slot.
/// </summary>
public sealed record ServedRequest(int Index, double ArrivalMs, double QueuedMs, RequestTrace Trace, ImmutableArray<int> Tokens)
{
    /// <summary>When the request joined the running batch, in ms after the start of the run.</summary>
    public double AdmittedMs => ArrivalMs + QueuedMs;

    /// <summary>When the last token was produced, in ms after the start of the run.</summary>
    public double FinishedMs => ArrivalMs + Trace.TokenTimesMs[^1];
}
