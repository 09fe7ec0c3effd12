using System.Collections.Immutable;

namespace QuantBench.Decisions;

/// <summary>The answer to "the smallest level that meets the SLO at N requests/s within M GiB" for a served ladder.</summary>
public sealed record ServingRecommendation
{
    public required ServingConstraints Constraints { get; init; }

    /// <summary>Every measured level in the ladder's order, with the constraints it misses.</summary>
    public required ImmutableArray<ServedLevelAssessment> Levels { get; init; }

    /// <summary>Levels that could not be considered (their server failed), with why.</summary>
    public ImmutableArray<string> Excluded { get; init; } = [];

    /// <summary>The level to choose; null when no constraint was given or none fits.</summary>
    public ServedLevelAssessment? Choice { get; init; }

    /// <summary>One sentence: why <see cref="Choice"/>, or why there is none.</summary>
    public required string Reason { get; init; }
}
