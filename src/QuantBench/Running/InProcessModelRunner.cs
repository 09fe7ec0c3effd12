using QuantBench.Engines;
using QuantBench.Results;

namespace QuantBench.Running;

/// <summary>Measures a model in this process; for tests and for the worker itself.</summary>
public sealed class InProcessModelRunner(IInferenceBackend backend) : IModelRunner
{
    public Task<ModelResult> RunAsync(ModelDescriptor model, BenchmarkSettings settings, IProgress<BenchmarkProgress>? progress, CancellationToken cancellationToken) =>
        Task.Run(() => new ModelBenchmark(backend).Run(model, settings, progress, cancellationToken), cancellationToken);
}
