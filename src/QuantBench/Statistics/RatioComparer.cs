using Perfolizer.Mathematics.QuantileEstimators;
using Perfolizer.Mathematics.SignificanceTesting;
using Perfolizer.Mathematics.SignificanceTesting.Base;
using Perfolizer.Mathematics.SignificanceTesting.MannWhitney;
using Perfolizer.Metrology;
using Pragmastat;

namespace QuantBench.Statistics;

/// <summary>
/// Compares a candidate's samples with a baseline's and returns a <see cref="RatioEstimate"/>.
/// <list type="bullet">
/// <item><see cref="Compare"/> (independent samples): ratio of medians; percentile-bootstrap CI (hand-rolled:
/// Perfolizer has no bootstrap) with <see cref="BootstrapResamples"/> resamples and a fixed <see cref="Seed"/>,
/// so a report is reproducible; two-sided Mann-Whitney U test (Perfolizer).</item>
/// <item><see cref="ComparePaired"/> (interleaved rounds, pair i = both measured in round i): median of
/// per-pair ratios with a bootstrap CI; two-sided one-sample Student t test (Perfolizer) on the log ratios,
/// i.e. a paired test of the geometric-mean ratio. Pairing cancels drift that hits both in the same round.</item>
/// </list>
/// Verdict: <see cref="ComparisonVerdict.Faster"/> or <see cref="ComparisonVerdict.Slower"/> only when
/// p &lt; <see cref="Alpha"/> (default 0.01) and |ratio-1| ≥ <see cref="MinRelativeEffect"/> (default 2%);
/// otherwise <see cref="ComparisonVerdict.NoDifference"/>. With tiny samples no difference can be significant
/// (Mann-Whitney needs 5 runs each to reach p &lt; 0.01).
/// </summary>
public sealed record RatioComparer
{
    public double ConfidenceLevel { get; init; } = SampleStatistics.DefaultConfidenceLevel;
    public double Alpha { get; init; } = 0.01;
    public double MinRelativeEffect { get; init; } = 0.02;
    public int BootstrapResamples { get; init; } = 2000;
    public int Seed { get; init; } = 20_240_601;

    /// <summary>Compares two independent samples of a positive metric.</summary>
    /// <exception cref="ArgumentException">A sample is empty, or holds a value that is not finite and positive.</exception>
    public RatioEstimate Compare(IReadOnlyList<double> candidate, IReadOnlyList<double> baseline, MetricDirection direction)
    {
        CheckSettings();
        CheckPositive(candidate, nameof(candidate));
        CheckPositive(baseline, nameof(baseline));

        double[] c = [.. candidate], b = [.. baseline];
        double ratio = Median(c) / Median(b);

        var random = new Random(Seed);
        double[] cBuffer = new double[c.Length], bBuffer = new double[b.Length];
        var ratios = new double[BootstrapResamples];
        for (int i = 0; i < ratios.Length; i++)
            ratios[i] = ResampledMedian(c, cBuffer, random) / ResampledMedian(b, bBuffer, random);

        double p = MannWhitneyTest.Instance
            .Perform(new Sample(c), new Sample(b), AlternativeHypothesis.TwoSides, Threshold.Zero)
            .PValue.Value;
        return Build(RatioMethod.IndependentMedians, direction, c.Length, b.Length, ratio, ratios, p);
    }

    /// <summary>Compares paired samples: <paramref name="candidate"/>[i] and <paramref name="baseline"/>[i] come from round i.</summary>
    /// <exception cref="ArgumentException">The lengths differ, a sample is empty, or a value is not finite and positive.</exception>
    public RatioEstimate ComparePaired(IReadOnlyList<double> candidate, IReadOnlyList<double> baseline, MetricDirection direction)
    {
        CheckSettings();
        CheckPositive(candidate, nameof(candidate));
        CheckPositive(baseline, nameof(baseline));
        if (candidate.Count != baseline.Count)
            throw new ArgumentException($"Paired samples must have the same length; candidate has {candidate.Count}, baseline {baseline.Count}.", nameof(baseline));

        double[] pairRatios = [.. candidate.Select((c, i) => c / baseline[i])];
        double ratio = Median(pairRatios);

        var random = new Random(Seed);
        var buffer = new double[pairRatios.Length];
        var ratios = new double[BootstrapResamples];
        for (int i = 0; i < ratios.Length; i++)
            ratios[i] = ResampledMedian(pairRatios, buffer, random);

        double p = PairedLogRatioPValue(pairRatios);
        return Build(RatioMethod.PairedMedianOfRatios, direction, candidate.Count, baseline.Count, ratio, ratios, p);
    }

    private RatioEstimate Build(RatioMethod method, MetricDirection direction, int candidateCount, int baselineCount,
        double ratio, double[] bootstrapRatios, double pValue)
    {
        double tail = (1 - ConfidenceLevel) / 2;
        var distribution = new Sample(bootstrapRatios);
        double Quantile(double q) => HyndmanFanQuantileEstimator.Type7.Quantile(distribution, Probability.Of(q)).NominalValue;

        bool different = pValue < Alpha && Math.Abs(ratio - 1) >= MinRelativeEffect;
        bool candidateBetter = direction == MetricDirection.LowerIsBetter ? ratio < 1 : ratio > 1;
        var verdict = !different ? ComparisonVerdict.NoDifference
            : candidateBetter ? ComparisonVerdict.Faster
            : ComparisonVerdict.Slower;

        return new RatioEstimate
        {
            Method = method,
            Direction = direction,
            CandidateCount = candidateCount,
            BaselineCount = baselineCount,
            Ratio = ratio,
            ConfidenceIntervalLower = Quantile(tail),
            ConfidenceIntervalUpper = Quantile(1 - tail),
            ConfidenceLevel = ConfidenceLevel,
            PValue = pValue,
            Alpha = Alpha,
            MinRelativeEffect = MinRelativeEffect,
            Verdict = verdict,
        };
    }

    // A t test needs two pairs; identical log ratios of 0 give 0/0 in Perfolizer, which means "no difference".
    private static double PairedLogRatioPValue(double[] pairRatios)
    {
        if (pairRatios.Length < 2)
            return 1;
        double[] logs = [.. pairRatios.Select(r => Math.Log(r))];
        double p = StudentTest.Instance.Run(new Sample(logs), 0, AlternativeHypothesis.TwoSides).PValue.Value;
        return double.IsNaN(p) ? 1 : p;
    }

    private static double ResampledMedian(double[] source, double[] buffer, Random random)
    {
        for (int i = 0; i < buffer.Length; i++)
            buffer[i] = source[random.Next(source.Length)];
        return Median(buffer);
    }

    // Same definition as Hyndman-Fan type 7 at p=0.5; sorting in place keeps the bootstrap loop allocation-free.
    private static double Median(double[] values)
    {
        Array.Sort(values);
        int n = values.Length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }

    private static void CheckPositive(IReadOnlyList<double> values, string paramName)
    {
        ArgumentNullException.ThrowIfNull(values, paramName);
        if (values.Count == 0)
            throw new ArgumentException("A sample to compare must not be empty.", paramName);
        for (int i = 0; i < values.Count; i++)
        {
            if (!(double.IsFinite(values[i]) && values[i] > 0))
                throw new ArgumentException($"Sample value at index {i} is {values[i]}; ratios need finite positive values.", paramName);
        }
    }

    private void CheckSettings()
    {
        StatisticsGuard.ConfidenceLevel(ConfidenceLevel, nameof(ConfidenceLevel));
        if (!(Alpha > 0 && Alpha < 1))
            throw new ArgumentOutOfRangeException(nameof(Alpha), Alpha, "Alpha must be strictly between 0 and 1.");
        if (!(MinRelativeEffect >= 0))
            throw new ArgumentOutOfRangeException(nameof(MinRelativeEffect), MinRelativeEffect, "MinRelativeEffect must not be negative.");
        if (BootstrapResamples < 100)
            throw new ArgumentOutOfRangeException(nameof(BootstrapResamples), BootstrapResamples, "At least 100 bootstrap resamples are needed for a stable interval.");
    }
}
