using QuantBench.Results;

namespace QuantBench.Running;

/// <summary>Measures one model somewhere (a worker process, or this process in tests) and never throws for a model's own failure.</summary>
public interface IModelRunner
{
    Task<ModelResult> RunAsync(ModelDescriptor model, BenchmarkSettings settings, IProgress<BenchmarkProgress>? progress, CancellationToken cancellationToken);
}
