using QuantBench.Engines;
using QuantBench.Progress;
using QuantBench.Results;

namespace QuantBench.Running;

/// <summary>Runs one <see cref="WorkerJob"/> in this process: the body of a worker.</summary>
public static class WorkerJobRunner
{
    public static ModelResult Run(IInferenceBackend backend, WorkerJob job, IProgress<BenchmarkProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        return ScenarioRunners.For(backend).FirstOrDefault(r => r.Scenario == job.Scenario) is { } runner
            ? runner.Run(job, progress, cancellationToken)
            : ModelResult.Failed(job.Model, $"the {job.Scenario} scenario is not available in this build");
    }
}
