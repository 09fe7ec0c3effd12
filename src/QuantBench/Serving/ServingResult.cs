using System.Collections.Immutable;

namespace QuantBench.Serving;

/// <summary>The <c>serving</c> section of results.json: the target, the plan, every point with its raw samples, and notes.</summary>
public sealed record ServingResult
{
    public required ServingTarget Target { get; init; }
    public required ServingSweepPlan Plan { get; init; }
    public required ImmutableArray<ServingPoint> Points { get; init; }
    public string? StopReason { get; init; }
    /// <summary>Notes for the reader, e.g. that the server reported no token counts.</summary>
    public ImmutableArray<string> Notes { get; init; } = [];
    /// <summary>The server's Prometheus <c>/metrics</c> text after the sweep, where it has one (first server only).</summary>
    public string? ServerMetrics { get; init; }
}
