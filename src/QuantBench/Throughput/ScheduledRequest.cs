using QuantBench.Engines;

namespace QuantBench.Throughput;

/// <summary>A request and when it arrives, in ms after the start of the run.</summary>
public sealed record ScheduledRequest(double ArrivalMs, GenerationRequest Request);
