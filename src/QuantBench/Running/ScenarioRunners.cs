using System.Collections.Immutable;
using QuantBench.Engines;

namespace QuantBench.Running;

/// <summary>Every scenario a worker can run, one runner each; a new scenario is one more entry here.</summary>
public static class ScenarioRunners
{
    public static ImmutableArray<IScenarioRunner> For(IInferenceBackend backend) =>
        [new LatencyScenario(backend), new QualityBenchmark(backend), new ThroughputScenario(backend), new TaskBenchmark(backend)];
}
