namespace QuantBench.Quality;

/// <summary>
/// Extremes and percentiles of per-token values as llama-perplexity prints them: percentile q is the
/// linear interpolation at rank q × (n - 1) of the sorted values; the median averages the two middle
/// values of an even count.
/// </summary>
public sealed record DistributionSummary(
    double Minimum,
    double Percentile0_1,
    double Percentile1,
    double Percentile5,
    double Percentile10,
    double Percentile25,
    double Median,
    double Percentile75,
    double Percentile90,
    double Percentile95,
    double Percentile99,
    double Percentile99_9,
    double Maximum);
