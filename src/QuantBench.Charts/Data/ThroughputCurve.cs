using System.Collections.Immutable;

namespace QuantBench.Charts.Data;

/// <summary>
/// One quantization level's throughput against batch size, as a batch sweep measures it, with the knee the
/// sweep found (<see cref="Throughput.KneeDetector"/>), so the chart marks the same knee as the tables.
/// </summary>
public sealed record ThroughputCurve(string Label, ImmutableArray<ThroughputPoint> Points, int? KneeBatchSize = null);
