namespace QuantBench.Statistics;

/// <summary>How a <see cref="RatioEstimate"/> was computed.</summary>
public enum RatioMethod
{
    /// <summary>Independent samples: ratio of medians, bootstrap CI, Mann-Whitney U test.</summary>
    IndependentMedians,

    /// <summary>Interleaved rounds: median of per-pair ratios, bootstrap CI, Student t on log ratios.</summary>
    PairedMedianOfRatios,
}
