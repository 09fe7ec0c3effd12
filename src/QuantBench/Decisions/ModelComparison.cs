using System.Collections.Immutable;

namespace QuantBench.Decisions;

/// <summary>One model found in both runs, how it was matched, and its figures side by side.</summary>
public sealed record ModelComparison
{
    /// <summary>The label in the new run.</summary>
    public required string Label { get; init; }

    /// <summary>The label in the old run (differs from <see cref="Label"/> when matched by hash or file name).</summary>
    public required string OldLabel { get; init; }

    /// <summary>How the two were paired: <c>label</c>, <c>sha256</c> or <c>file name</c>.</summary>
    public required string MatchedBy { get; init; }

    public ImmutableArray<FigureComparison> Figures { get; init; } = [];

    /// <summary>Set when a side failed, so there is nothing to compare.</summary>
    public string? Note { get; init; }
}
