namespace QuantBench.Progress;

/// <summary>
/// Every phase a model goes through in a run. The worker announces them to the parent, which attributes
/// its memory readings to them; the display names (<see cref="BenchmarkPhaseNames.Name"/>) are what the
/// console and the memory-by-phase table show.
/// </summary>
public enum BenchmarkPhase
{
    /// <summary>Preparation: generating a synthetic model's weights.</summary>
    Generate,

    /// <summary>Preparation: quantizing one level of the ladder.</summary>
    Quantize,

    /// <summary>The worker's process before the model is loaded.</summary>
    Baseline,

    /// <summary>Loading the model's weights and creating its context.</summary>
    Load,

    /// <summary>Latency: requests before measurement, until the timings stop trending.</summary>
    WarmUp,

    /// <summary>Latency: the measured requests.</summary>
    Measure,

    /// <summary>Latency: the untimed probe request's prompt processing.</summary>
    Prefill,

    /// <summary>Latency: the untimed probe request's token generation.</summary>
    Decode,

    /// <summary>The model's work is done.</summary>
    Finish,

    /// <summary>Quality: drawing evaluation text from the baseline model.</summary>
    SampleText,

    /// <summary>Quality: evaluating chunks (perplexity, KL divergence).</summary>
    Quality,

    /// <summary>Throughput: the batch-size sweep.</summary>
    BatchSweep,

    /// <summary>Throughput: the continuous-batching mixed load.</summary>
    MixedLoad,

    /// <summary>Throughput: decode rate at context depth.</summary>
    ContextDepth,

    /// <summary>Tasks: scoring HellaSwag, Winogrande or multiple-choice tasks.</summary>
    Tasks,

    /// <summary><c>--interleave</c>: the alternating rounds of the latency test (reported by the parent).</summary>
    Round,
}
