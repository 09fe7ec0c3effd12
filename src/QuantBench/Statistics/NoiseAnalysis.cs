using System.Collections.Immutable;
using System.Globalization;

namespace QuantBench.Statistics;

/// <summary>
/// Turns a <see cref="SampleStatistics"/> into warnings about how trustworthy it is: few samples, high
/// coefficient of variation, a wide confidence interval, outliers, a multimodal distribution.
/// Thresholds are settings; the defaults suit latency measured on a quiet machine.
/// </summary>
public sealed record NoiseAnalysis
{
    /// <summary>Below this many samples only <see cref="NoiseWarningCode.TooFewSamples"/> is reported.</summary>
    public int MinSamples { get; init; } = 3;

    /// <summary>Coefficient of variation above which the sample is called noisy (0.05 = 5%).</summary>
    public double MaxCoefficientOfVariation { get; init; } = 0.05;

    /// <summary>Relative CI half-width above which the figure is called imprecise (0.02 = 2% of the median).</summary>
    public double MaxRelativeHalfWidth { get; init; } = 0.02;

    /// <summary>The warnings for <paramref name="statistics"/>, empty when the sample looks clean.</summary>
    public ImmutableArray<NoiseWarning> Analyze(SampleStatistics statistics)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        if (statistics.N < MinSamples)
            return [new(NoiseWarningCode.TooFewSamples, Format($"Only {statistics.N} sample(s); at least {MinSamples} are needed to judge the noise."))];

        var warnings = ImmutableArray.CreateBuilder<NoiseWarning>();
        if (statistics.CoefficientOfVariation > MaxCoefficientOfVariation)
            warnings.Add(new(NoiseWarningCode.HighVariation, Format(
                $"Coefficient of variation is {statistics.CoefficientOfVariation:P1} (threshold {MaxCoefficientOfVariation:P1}).")));
        if (statistics.RelativeHalfWidth > MaxRelativeHalfWidth)
            warnings.Add(new(NoiseWarningCode.WideConfidenceInterval, Format(
                $"The {statistics.ConfidenceLevel:P0} confidence interval is ±{statistics.RelativeHalfWidth:P1} of the median (target ±{MaxRelativeHalfWidth:P1}).")));
        if (statistics.OutlierCount > 0)
            warnings.Add(new(NoiseWarningCode.Outliers, Format(
                $"{statistics.OutlierCount} outlier(s) outside the Tukey fences [{statistics.LowerFence:G4}, {statistics.UpperFence:G4}] ({statistics.LowerOutlierCount} low, {statistics.UpperOutlierCount} high).")));
        if (statistics.IsMultimodal)
            warnings.Add(new(NoiseWarningCode.Multimodal, Format(
                $"The distribution has {statistics.Modality} modes; the mean and median may describe none of them.")));
        return warnings.ToImmutable();
    }

    // Reports must read the same whatever the machine's culture.
    private static string Format(FormattableString message) => message.ToString(CultureInfo.InvariantCulture);
}
