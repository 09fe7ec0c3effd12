using QuantBench.Progress;
using QuantBench.Results;
using QuantBench.Settings;

namespace QuantBench.Running;

/// <summary>
/// One scenario's measurement of one model inside a worker: what every scenario (latency, quality, throughput,
/// tasks) implements, so that a worker runs any job the same way. Never throws for the model's own failure.
/// </summary>
public interface IScenarioRunner
{
    /// <summary>The scenario it measures.</summary>
    Scenario Scenario { get; }

    ModelResult Run(WorkerJob job, IProgress<BenchmarkProgress>? progress, CancellationToken cancellationToken);
}
