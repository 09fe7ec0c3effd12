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
    /// <summary>The concurrency-1 point: one stream, the unloaded latencies an in-process run measures.</summary>
    public ServingPoint? SingleStream => Points.FirstOrDefault(p => p.Load.Kind == ServingLoadKind.Concurrency && p.Load.Value == 1);
}
