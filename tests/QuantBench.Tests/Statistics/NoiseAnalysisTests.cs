using QuantBench.Statistics;

namespace QuantBench.Tests.Statistics;

public sealed class NoiseAnalysisTests
{
    private readonly NoiseAnalysis analysis = new();

    private static NoiseWarningCode[] Codes(IEnumerable<NoiseWarning> warnings) => [.. warnings.Select(w => w.Code)];

    [Fact]
    public void Tight_sample_has_no_warnings()
    {
        // Jitter of ±0.4 around 100: CV ≈ 0.25%, no outliers, one mode.
        Assert.Empty(analysis.Analyze(SampleStatistics.From(SampleData.Around(100))));
    }

    [Fact]
    public void High_coefficient_of_variation_is_flagged_against_the_given_threshold()
    {
        // mean 110, sd ≈ 28.3 -> CV ≈ 26%.
        var noisy = SampleStatistics.From([100, 150, 80, 130, 90]);

        Assert.Contains(NoiseWarningCode.HighVariation, Codes(analysis.Analyze(noisy)));
        Assert.DoesNotContain(NoiseWarningCode.HighVariation,
            Codes((analysis with { MaxCoefficientOfVariation = 0.5 }).Analyze(noisy)));
    }

    [Fact]
    public void Outliers_are_flagged_with_their_count()
    {
        var warnings = analysis.Analyze(SampleStatistics.From([10, 11, 12, 13, 14, 100]));

        var outliers = Assert.Single(warnings, w => w.Code == NoiseWarningCode.Outliers);
        Assert.StartsWith("1 outlier", outliers.Message);
    }

    [Fact]
    public void Multimodal_distribution_is_flagged()
    {
        var warnings = analysis.Analyze(SampleStatistics.From(SampleData.Bimodal()));

        Assert.Contains(NoiseWarningCode.Multimodal, Codes(warnings));
    }

    [Fact]
    public void Too_few_samples_is_the_only_warning()
    {
        var warnings = analysis.Analyze(SampleStatistics.From([100, 300]));

        Assert.Equal([NoiseWarningCode.TooFewSamples], Codes(warnings));
    }
}
