using System.Collections.Immutable;

namespace QuantBench.Decisions;

/// <summary>One served level checked against <see cref="ServingConstraints"/>: its deciding figures and every constraint it misses.</summary>
/// <param name="GoodputRequestsPerSecond">The best goodput of any load point under the constraints' objective, recomputed from the samples.</param>
/// <param name="GoodputLoad">The load point that reached it, e.g. <c>c=4</c>.</param>
/// <param name="TimeToFirstTokenMs">Median TTFT at concurrency 1.</param>
/// <param name="DecodeTokensPerSecond">Median of 1000 / TPOT over the requests at concurrency 1.</param>
public sealed record ServedLevelAssessment(ServedLevel Level, double? GoodputRequestsPerSecond, string? GoodputLoad,
    double? TimeToFirstTokenMs, double? DecodeTokensPerSecond, ImmutableArray<string> Violations)
{
    public bool MeetsAll => Violations.IsEmpty;
}
