using QuantBench.Engines;
using QuantBench.Latency;
using QuantBench.Progress;
using QuantBench.Results;
using QuantBench.Settings;

namespace QuantBench.Running;

/// <summary>Runs one <see cref="WorkerJob"/> in this process: the body of a worker.</summary>
public static class WorkerJobRunner
{
    public static ModelResult Run(IInferenceBackend backend, WorkerJob job, IProgress<BenchmarkProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        return job.Scenario switch
        {
            Scenario.Latency => new ModelBenchmark(backend).Run(job.Model, job.Settings, progress, cancellationToken),
            Scenario.Quality => new QualityBenchmark(backend).Run(job, progress, cancellationToken),
            Scenario.Throughput => new ThroughputScenario(backend).Run(job, progress, cancellationToken),
            Scenario.Tasks => new TaskBenchmark(backend).Run(job, progress, cancellationToken),
            _ => ModelResult.Failed(job.Model, $"the {job.Scenario} scenario is not available in this build"),
        };
    }
}
