using System.Collections.Immutable;

namespace QuantBench.Decisions;

/// <summary>One level checked against the constraints: every constraint it misses, in words.</summary>
public sealed record LevelAssessment(LevelFigures Level, ImmutableArray<string> Violations)
{
    public bool MeetsAll => Violations.IsEmpty;
}
