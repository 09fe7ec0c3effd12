using System.Collections.Immutable;
using Perfolizer.Mathematics.Common;
using Perfolizer.Mathematics.Multimodality;
using Perfolizer.Mathematics.OutlierDetection;
using Perfolizer.Mathematics.QuantileEstimators;
using Pragmastat;

namespace QuantBench.Statistics;

/// <summary>
/// Summary statistics of one metric's samples (e.g. per-run decode latency in ms), built by <see cref="From"/>.
/// Quantiles (median, quartiles, P90, P99) use Hyndman-Fan type 7 (linear interpolation between order
/// statistics, numpy's and R's default). The mean's confidence interval uses Student's t with n-1 degrees of
/// freedom (Perfolizer's <c>ConfidenceIntervalEstimator</c>); outliers use Tukey fences Q1-1.5·IQR / Q3+1.5·IQR
/// (Perfolizer's <c>TukeyOutlierDetector</c>); modality uses Perfolizer's <c>LowlandModalityDetector</c>.
/// Undefined figures are NaN: everything for N=0, the spread and interval for N=1.
/// </summary>
public sealed record SampleStatistics
{
    /// <summary>The confidence level used when none is given: 99%.</summary>
    public const double DefaultConfidenceLevel = 0.99;

    /// <summary>Tukey's fence multiplier of the interquartile range.</summary>
    public const double TukeyFenceK = 1.5;

    /// <summary>The samples, in the order they were measured.</summary>
    public required ImmutableArray<double> Values { get; init; }

    public required int N { get; init; }
    public required double Mean { get; init; }
    public required double Median { get; init; }

    /// <summary>Sample standard deviation (divides by n-1); NaN for N&lt;2.</summary>
    public required double StandardDeviation { get; init; }

    /// <summary>Standard error of the mean, StandardDeviation/√N; NaN for N&lt;2.</summary>
    public required double StandardError { get; init; }

    public required double Min { get; init; }
    public required double Max { get; init; }
    public required double Q1 { get; init; }
    public required double Q3 { get; init; }
    public required double P90 { get; init; }
    public required double P99 { get; init; }

    /// <summary>Confidence level of the interval, e.g. 0.99.</summary>
    public required double ConfidenceLevel { get; init; }

    public required double ConfidenceIntervalLower { get; init; }
    public required double ConfidenceIntervalUpper { get; init; }

    /// <summary>Half the width of the mean's confidence interval: t(1-(1-level)/2, N-1)·StandardError.</summary>
    public required double HalfWidth { get; init; }

    /// <summary>HalfWidth / |Median|: the precision a stopping rule aims at (0 when HalfWidth is 0).</summary>
    public required double RelativeHalfWidth { get; init; }

    /// <summary>StandardDeviation / |Mean| (0 when StandardDeviation is 0).</summary>
    public required double CoefficientOfVariation { get; init; }

    public required double LowerFence { get; init; }
    public required double UpperFence { get; init; }
    public required int LowerOutlierCount { get; init; }
    public required int UpperOutlierCount { get; init; }

    /// <summary>Number of modes the lowland detector found (0 for N=0, 1 when fewer than two distinct values).</summary>
    public required int Modality { get; init; }

    public int OutlierCount => LowerOutlierCount + UpperOutlierCount;

    public bool IsMultimodal => Modality > 1;

    /// <summary>Computes the statistics of <paramref name="values"/>; never throws for finite values.</summary>
    /// <exception cref="ArgumentException">A value is NaN or infinite: a failed run must not be averaged in.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The confidence level is not strictly between 0 and 1.</exception>
    public static SampleStatistics From(IReadOnlyList<double> values, double confidenceLevel = DefaultConfidenceLevel)
    {
        ArgumentNullException.ThrowIfNull(values);
        StatisticsGuard.ConfidenceLevel(confidenceLevel, nameof(confidenceLevel));
        StatisticsGuard.AllFinite(values, nameof(values));

        var copy = values.ToImmutableArray();
        return copy.Length == 0 ? Empty(confidenceLevel) : Compute(copy, confidenceLevel);
    }

    /// <summary>
    /// The statistics of the values inside this sample's Tukey fences, so a report can show both
    /// "outliers kept" and "outliers removed". The fences are this sample's, not recomputed.
    /// </summary>
    public SampleStatistics WithoutOutliers() =>
        OutlierCount == 0
            ? this
            : From([.. Values.Where(v => v >= LowerFence && v <= UpperFence)], ConfidenceLevel);

    private static SampleStatistics Compute(ImmutableArray<double> values, double confidenceLevel)
    {
        int n = values.Length;
        var sample = new Sample(values);
        var quantiles = HyndmanFanQuantileEstimator.Type7;
        double Quantile(double p) => quantiles.Quantile(sample, Probability.Of(p)).NominalValue;

        var quartiles = Quartiles.Create(sample, quantiles);
        var fences = TukeyOutlierDetector.Create(quartiles, TukeyFenceK);
        double mean = Moments.Create(values).Mean;
        double median = quartiles.Median;

        double sd = double.NaN, se = double.NaN, lower = double.NaN, upper = double.NaN, halfWidth = double.NaN;
        if (n >= 2)
        {
            sd = Moments.Create(values).StandardDeviation;
            se = sd / Math.Sqrt(n);
            var interval = new ConfidenceIntervalEstimator(n, mean, se)
                .ConfidenceInterval(new ConfidenceLevel(confidenceLevel));
            (lower, upper, halfWidth) = (interval.Lower, interval.Upper, interval.Margin);
        }

        return new SampleStatistics
        {
            Values = values,
            N = n,
            Mean = mean,
            Median = median,
            StandardDeviation = sd,
            StandardError = se,
            Min = quartiles.Min,
            Max = quartiles.Max,
            Q1 = quartiles.Q1,
            Q3 = quartiles.Q3,
            P90 = Quantile(0.90),
            P99 = Quantile(0.99),
            ConfidenceLevel = confidenceLevel,
            ConfidenceIntervalLower = lower,
            ConfidenceIntervalUpper = upper,
            HalfWidth = halfWidth,
            RelativeHalfWidth = Relative(halfWidth, median),
            CoefficientOfVariation = Relative(sd, mean),
            LowerFence = fences.LowerFence,
            UpperFence = fences.UpperFence,
            LowerOutlierCount = values.Count(fences.IsLowerOutlier),
            UpperOutlierCount = values.Count(fences.IsUpperOutlier),
            Modality = DetectModality(sample, values),
        };
    }

    // The lowland detector rejects samples without two distinct values; such a sample has one mode.
    // Perfolizer needs two clearly different values: ones that differ only by rounding (1e-13 apart) it
    // counts as one and throws; such a sample has one mode.
    private static int DetectModality(Sample sample, ImmutableArray<double> values)
    {
        double min = values.Min(), max = values.Max();
        double scale = Math.Max(Math.Abs(min), Math.Abs(max));
        return max - min <= 1e-9 * Math.Max(scale, 1e-300) ? 1 : LowlandModalityDetector.Instance.DetectModes(sample).Modality;
    }

    // A zero spread is exactly zero relative spread, even around a zero centre.
    private static double Relative(double spread, double centre) =>
        spread == 0 ? 0 : spread / Math.Abs(centre);

    private static SampleStatistics Empty(double confidenceLevel) => new()
    {
        Values = [],
        N = 0,
        Mean = double.NaN,
        Median = double.NaN,
        StandardDeviation = double.NaN,
        StandardError = double.NaN,
        Min = double.NaN,
        Max = double.NaN,
        Q1 = double.NaN,
        Q3 = double.NaN,
        P90 = double.NaN,
        P99 = double.NaN,
        ConfidenceLevel = confidenceLevel,
        ConfidenceIntervalLower = double.NaN,
        ConfidenceIntervalUpper = double.NaN,
        HalfWidth = double.NaN,
        RelativeHalfWidth = double.NaN,
        CoefficientOfVariation = double.NaN,
        LowerFence = double.NaN,
        UpperFence = double.NaN,
        LowerOutlierCount = 0,
        UpperOutlierCount = 0,
        Modality = 0,
    };
}
