using QuantBench.Statistics;

namespace QuantBench.Decisions;

/// <summary>
/// One figure of one model in an old and a new run: the old and new medians (or single values), the ratio
/// new/old, and, where both runs kept raw samples, the <see cref="RatioEstimate"/> with its interval and verdict.
/// </summary>
public sealed record FigureComparison
{
    /// <summary>Short name as in the reports, e.g. <c>TTFT</c> or <c>tg64 t/s</c>.</summary>
    public required string Figure { get; init; }

    /// <summary>Unit of <see cref="Old"/> and <see cref="New"/>, e.g. <c>ms</c>, <c>t/s</c>, <c>bytes</c>.</summary>
    public required string Unit { get; init; }

    public required MetricDirection Direction { get; init; }
    public required double Old { get; init; }
    public required double New { get; init; }

    /// <summary>New / old (of medians when samples exist).</summary>
    public double Ratio => Old != 0 ? New / Old : double.NaN;

    /// <summary>The statistical comparison of the raw samples; null for single values or too few samples.</summary>
    public RatioEstimate? Estimate { get; init; }

    /// <summary>Why there is no test, when <see cref="Estimate"/> is null.</summary>
    public string? NoTestReason { get; init; }

    /// <summary>The verdict in words: faster/slower (lower/higher for memory), no significant difference, or no test.</summary>
    public string Verdict => Estimate?.Verdict switch
    {
        ComparisonVerdict.Faster => IsMemory ? "lower" : "faster",
        ComparisonVerdict.Slower => IsMemory ? "higher" : "slower",
        ComparisonVerdict.NoDifference => "no significant difference",
        _ => "no test: " + (NoTestReason ?? "no samples"),
    };

    private bool IsMemory => Unit == "bytes";
}
