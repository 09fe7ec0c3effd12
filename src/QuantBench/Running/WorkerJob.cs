using QuantBench.Settings;

namespace QuantBench.Running;

/// <summary>
/// What a worker process is asked to do: one scenario for one model. For quality, the path of the
/// baseline's log-probability store (written by the baseline's job, read by every other model's).
/// </summary>
public sealed record WorkerJob(Scenario Scenario, Results.ModelDescriptor Model, BenchmarkSettings Settings)
{
    public string? QualityStorePath { get; init; }

    /// <summary>True for the baseline's quality job, which writes the store rather than reading it.</summary>
    public bool IsQualityBaseline { get; init; }
}
