using QuantBench.Progress;
using QuantBench.Results;

namespace QuantBench.Running;

/// <summary>Runs one worker job somewhere (a worker process, or this process in tests) and never throws for a model's own failure.</summary>
public interface IModelRunner
{
    Task<ModelResult> RunAsync(WorkerJob job, IProgress<BenchmarkProgress>? progress, CancellationToken cancellationToken);
}
