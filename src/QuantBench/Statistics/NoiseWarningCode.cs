namespace QuantBench.Statistics;

/// <summary>Kinds of measurement-quality problem <see cref="NoiseAnalysis"/> reports.</summary>
public enum NoiseWarningCode
{
    /// <summary>Too few samples for the other checks, or for a confidence interval, to mean much.</summary>
    TooFewSamples,

    /// <summary>The coefficient of variation is above the threshold.</summary>
    HighVariation,

    /// <summary>The confidence interval is wider than the target precision.</summary>
    WideConfidenceInterval,

    /// <summary>Samples fall outside the Tukey fences.</summary>
    Outliers,

    /// <summary>The distribution has more than one mode (e.g. throttling, or another process competing).</summary>
    Multimodal,
}
