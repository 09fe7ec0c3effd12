using System.Collections.Immutable;

namespace QuantBench.Serving;

/// <summary>
/// The <c>ladder</c> section of results.json (<c>serve --launch</c>): one launched server per quantization level,
/// every level swept with the same requests and the same plan; each level's figures, or why it failed.
/// </summary>
public sealed record ServingLadder
{
    /// <summary>The command template, with <c>{model}</c> and <c>{port}</c> unfilled.</summary>
    public required string Command { get; init; }

    /// <summary>The request shape shared by every level (its <c>Urls</c> hold the command template).</summary>
    public required ServingTarget Target { get; init; }

    public required ServingSweepPlan Plan { get; init; }

    /// <summary>The levels in the order they were measured; a level not reached before an interrupt is absent.</summary>
    public required ImmutableArray<LevelServingSummary> Levels { get; init; }

    /// <summary>True when Ctrl-C or SIGTERM stopped the ladder: the levels listed are those finished, or cut short.</summary>
    public bool Interrupted { get; init; }
}
