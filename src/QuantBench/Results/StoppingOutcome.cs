using System.Text.Json.Serialization;
using QuantBench.Statistics;

namespace QuantBench.Results;

/// <summary>
/// Why the measurement stopped: adaptive (target met, or a bound on runs or time) or a fixed count, with
/// the achieved relative half-width of the end-to-end latency's confidence interval against the target.
/// </summary>
public sealed record StoppingOutcome(
    bool Adaptive,
    [property: JsonConverter(typeof(StoppingReasonJsonConverter))] StoppingReason Reason,
    int Runs,
    double RelativeHalfWidth,
    double TargetRelativeHalfWidth,
    bool TargetMet);
