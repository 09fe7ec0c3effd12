namespace QuantBench.Statistics;

/// <summary>Which way a metric improves: latencies go down, throughputs go up.</summary>
public enum MetricDirection
{
    LowerIsBetter,
    HigherIsBetter,
}
