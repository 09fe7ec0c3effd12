using QuantBench.Engines;
using QuantBench.Progress;
using QuantBench.Results;

namespace QuantBench.Running;

/// <summary>Runs a worker job in this process; for tests and for the worker itself.</summary>
public sealed class InProcessModelRunner(IInferenceBackend backend) : IModelRunner
{
    public Task<ModelResult> RunAsync(WorkerJob job, IProgress<BenchmarkProgress>? progress, CancellationToken cancellationToken) =>
        Task.Run(() => WorkerJobRunner.Run(backend, job, progress, cancellationToken), cancellationToken);
}
