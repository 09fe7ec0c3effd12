using QuantBench.Engines;
using QuantBench.Latency;
using QuantBench.Progress;
using QuantBench.Results;
using QuantBench.Settings;

namespace QuantBench.Running;

/// <summary>The latency scenario as a worker runs it: <see cref="ModelBenchmark"/> (in <c>Latency</c>) on the job's model and settings.</summary>
public sealed class LatencyScenario(IInferenceBackend backend) : IScenarioRunner
{
    public Scenario Scenario => Scenario.Latency;

    public ModelResult Run(WorkerJob job, IProgress<BenchmarkProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        return new ModelBenchmark(backend).Run(job.Model, job.Settings, progress, cancellationToken);
    }
}
