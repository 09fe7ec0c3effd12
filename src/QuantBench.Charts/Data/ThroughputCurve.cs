using System.Collections.Immutable;

namespace QuantBench.Charts.Data;

/// <summary>One quantization level's throughput against batch size, as a batch sweep measures it.</summary>
public sealed record ThroughputCurve(string Label, ImmutableArray<ThroughputPoint> Points);
