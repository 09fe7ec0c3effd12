using System.Collections.Immutable;

namespace QuantBench.Decisions;

/// <summary>
/// The answer to "which level should I deploy": each level checked against the constraints, the levels that
/// meet them all, the one to choose and why, and the Pareto-optimal set.
/// </summary>
public sealed record Recommendation
{
    public required RecommendationConstraints Constraints { get; init; }

    /// <summary>Every measured level, in the run's order, with the constraints it misses.</summary>
    public required ImmutableArray<LevelAssessment> Levels { get; init; }

    /// <summary>Levels that could not be considered (failed runs), with why.</summary>
    public ImmutableArray<string> Excluded { get; init; } = [];

    /// <summary>The level to choose; null when no constraint was given or none fits.</summary>
    public LevelFigures? Choice { get; init; }

    /// <summary>One sentence: why <see cref="Choice"/>, or why there is none.</summary>
    public required string Reason { get; init; }

    /// <summary>Levels no other level beats on every objective (size, decode rate, and KLD where measured).</summary>
    public required ImmutableArray<LevelFigures> ParetoSet { get; init; }

    /// <summary>Whether every level has a quality figure, so that KLD takes part in the decision.</summary>
    public bool QualityMeasured { get; init; }

    /// <summary>Things the reader must know, e.g. that --max-kld was ignored.</summary>
    public ImmutableArray<string> Warnings { get; init; } = [];

    public ImmutableArray<LevelFigures> Feasible => [.. Levels.Where(l => l.MeetsAll).Select(l => l.Level)];
}
