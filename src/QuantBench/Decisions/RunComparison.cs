using System.Collections.Immutable;
using QuantBench.Statistics;

namespace QuantBench.Decisions;

/// <summary>An old and a new run compared model by model, with the conditions that differ between them.</summary>
public sealed record RunComparison
{
    public required string OldSource { get; init; }
    public required string NewSource { get; init; }

    /// <summary>Conditions that differ (CPU variant, threads, llama.cpp build, request shape, load mode...), one line each.</summary>
    public required ImmutableArray<string> ConditionWarnings { get; init; }

    public required ImmutableArray<ModelComparison> Models { get; init; }
    public ImmutableArray<string> OnlyInOld { get; init; } = [];
    public ImmutableArray<string> OnlyInNew { get; init; } = [];

    /// <summary>The comparer whose thresholds decided every verdict.</summary>
    public required RatioComparer Comparer { get; init; }

    /// <summary>The verdict rule in one sentence, stated in every output.</summary>
    public string VerdictRule => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"Ratio = new / old of medians, with a {Comparer.ConfidenceLevel:P0} percentile-bootstrap interval ({Comparer.BootstrapResamples} resamples). Verdict \"faster\"/\"slower\" only when the two-sided Mann-Whitney U test gives p < {Comparer.Alpha} and the ratio differs from 1 by at least {Comparer.MinRelativeEffect:P0}; otherwise \"no significant difference\". Peak RSS and load time are one value per run, so they get a ratio but no test.");
}
