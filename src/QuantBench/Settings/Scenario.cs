namespace QuantBench.Settings;

/// <summary>The measurements a run can make; each runs in its own worker process per model.</summary>
public enum Scenario
{
    /// <summary>Single-request latency and throughput, load time, memory by phase.</summary>
    Latency,

    /// <summary>Perplexity and KL divergence against the baseline.</summary>
    Quality,

    /// <summary>Batch-size sweep, continuous-batching mixed load, context depth.</summary>
    Throughput,

    /// <summary>Task accuracy (HellaSwag, Winogrande, multiple choice) as llama-perplexity scores it.</summary>
    Tasks,
}
