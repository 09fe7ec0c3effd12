using System.Collections.Immutable;

namespace QuantBench.Throughput;

/// <summary>Decode speed of one sequence after D tokens already sit in its KV cache, for each depth D.</summary>
public sealed record ContextDepthResult
{
    public required int DecodeTokens { get; init; }
    public required int Repetitions { get; init; }
    public required ImmutableArray<ContextDepthPoint> Points { get; init; }
}
