using System.Collections.Immutable;

namespace QuantBench.Serving;

/// <summary>
/// A sweep: the loads in order, and the bounds of each point. Every point ends after <see cref="RequestsPerPoint"/>
/// requests or <see cref="MaxPointDuration"/>, whichever comes first (requests in flight then finish or time out).
/// </summary>
public sealed record ServingSweepPlan
{
    public required ImmutableArray<ServingLoad> Loads { get; init; }
    public int RequestsPerPoint { get; init; } = 32;
    public TimeSpan MaxPointDuration { get; init; } = TimeSpan.FromMinutes(2);
    /// <summary>Requests sent before each point at its concurrency and left out of every figure.</summary>
    public int WarmupRequests { get; init; } = 2;
    public int Seed { get; init; } = 42;
    public ServiceLevelObjective Objective { get; init; } = ServiceLevelObjective.Default;
    public ServingStopRule Stop { get; init; } = new();
    /// <summary>A point warns when the client's own CPU time passes this share of the machine's cores.</summary>
    public double ClientCpuWarningShare { get; init; } = 0.5;

    /// <summary>Prompts the whole sweep sends: one per request, warm-ups included, so that no prompt is sent twice.</summary>
    public int PromptCount => Math.Max(1, Loads.Length) * (WarmupRequests + RequestsPerPoint);

    /// <summary>The first prompt of point <paramref name="pointIndex"/>: its warm-ups, then its measured requests.</summary>
    public int FirstPrompt(int pointIndex) => pointIndex * (WarmupRequests + RequestsPerPoint);
}
