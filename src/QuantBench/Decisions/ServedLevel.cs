using System.Collections.Immutable;
using QuantBench.Serving;

namespace QuantBench.Decisions;

/// <summary>
/// One served model as a comparison sees it: a sweep of <c>serve --url</c> (one level, no file known) or one level
/// of <c>serve --launch</c> (its model file), with its load points.
/// </summary>
/// <param name="Level">The level's label; null for a single <c>serve --url</c> sweep.</param>
/// <param name="ModelPath">The model file the server was started with, where known.</param>
public sealed record ServedLevel(string? Level, string? ModelPath, ImmutableArray<ServingPoint> Points)
{
    /// <summary>The model file's size, where known.</summary>
    public long? FileBytes { get; init; }

    /// <summary>The server's peak resident memory (its process tree summed), where it was watched (<c>serve --launch</c>).</summary>
    public long? PeakResidentBytes { get; init; }

    /// <summary>The server's peak GPU memory, where a GPU was watched.</summary>
    public long? PeakGpuBytes { get; init; }

    /// <summary>Why the level has no figures (its server failed), or null.</summary>
    public string? Failure { get; init; }

    /// <summary>The concurrency-1 point: one stream, the unloaded latencies an in-process run measures.</summary>
    public ServingPoint? SingleStream => Points.FirstOrDefault(p => p.Load.Kind == ServingLoadKind.Concurrency && p.Load.Value == 1);
}
