using System.Collections.Immutable;
using QuantBench.Engines;

namespace QuantBench.Throughput;

/// <summary>
/// One request as a scheduler served it. Times are ms after the start of the run; the trace's times are
/// ms after the request's arrival, so its TTFT includes the time spent queued for a free sequence slot.
/// </summary>
public sealed record ServedRequest(int Index, double ArrivalMs, double AdmittedMs, RequestTrace Trace, ImmutableArray<int> Tokens)
{
    /// <summary>Time from arrival to admission into the running batch.</summary>
    public double QueuedMs => AdmittedMs - ArrivalMs;

    /// <summary>When the last token was produced, in ms after the start of the run.</summary>
    public double FinishedMs => ArrivalMs + Trace.TokenTimesMs[^1];
}
