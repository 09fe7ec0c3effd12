using QuantBench.Engines;
using QuantBench.Progress;
using QuantBench.Results;
using QuantBench.Settings;
using QuantBench.Throughput;

namespace QuantBench.Running;

/// <summary>The throughput scenario for one model, in its own worker: batch sweep, mixed load, context depth.</summary>
public sealed class ThroughputScenario(IInferenceBackend backend) : IScenarioRunner
{
    public Scenario Scenario => Scenario.Throughput;

    public ModelResult Run(WorkerJob job, IProgress<BenchmarkProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        IModelSession session;
        try
        {
            session = backend.Load(job.Settings.LoadOptionsFor(job.Model.Path), cancellationToken);
        }
        catch (ModelLoadException e)
        {
            return ModelResult.Failed(job.Model, e.Message);
        }

        using (session)
        {
            if (session is not IBatchDecoderFactory factory)
            {
                return ModelResult.Failed(job.Model, "this engine cannot decode sequences in batches");
            }

            var throughput = new ThroughputBenchmark().Run(factory, job.Settings.ThroughputOptions, job.Model.Label, progress, cancellationToken);
            return new ModelResult { Model = job.Model, Throughput = throughput };
        }
    }
}
