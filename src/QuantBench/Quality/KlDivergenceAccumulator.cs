using System.Runtime.InteropServices;

namespace QuantBench.Quality;

/// <summary>
/// Compares, token by token, a model's logits with a baseline's log-probabilities and keeps the sums
/// and per-token values that <see cref="KlDivergenceResult"/> is made of.
/// </summary>
internal sealed class KlDivergenceAccumulator
{
    private readonly List<double> kldValues = [];
    private readonly List<double> deltaPValues = [];
    private double sumNll;
    private double sumNll2;
    private double sumNllBase;
    private double sumNllBase2;
    private double sumNllNllBase;
    private double sumKld;
    private double sumKld2;
    private double sumDeltaP;
    private double sumDeltaP2;
    private double sumDeltaP4;
    private long sameTop;

    internal long Count { get; private set; }

    /// <summary>Adds one scored token: the model's logits row, the baseline's log-probability row, and the actual next token.</summary>
    internal void Add(ReadOnlySpan<float> logits, ReadOnlySpan<float> baselineLogProbs, int target)
    {
        if (logits.Length != baselineLogProbs.Length)
        {
            throw new ArgumentException($"the model has {logits.Length} logits but the baseline {baselineLogProbs.Length} log-probabilities", nameof(baselineLogProbs));
        }

        double logSumExp = LogSoftmax.LogSumExp(logits);
        double nll = logSumExp - logits[target];
        double nllBase = -(double)baselineLogProbs[target];

        // Full-precision KLD over the whole vocabulary (llama.cpp's 16-bit store skips ln p_base <= -16).
        double kld = 0;
        for (int i = 0; i < logits.Length; i++)
        {
            double logPBase = baselineLogProbs[i];
            kld += Math.Exp(logPBase) * (logPBase - (logits[i] - logSumExp));
        }

        double deltaP = Math.Exp(-nll) - Math.Exp(-nllBase);

        sumNll += nll;
        sumNll2 += nll * nll;
        sumNllBase += nllBase;
        sumNllBase2 += nllBase * nllBase;
        sumNllNllBase += nll * nllBase;
        sumKld += kld;
        sumKld2 += kld * kld;
        sumDeltaP += deltaP;
        sumDeltaP2 += deltaP * deltaP;
        sumDeltaP4 += deltaP * deltaP * deltaP * deltaP;
        if (LogSoftmax.ArgMax(logits) == LogSoftmax.ArgMax(baselineLogProbs))
        {
            sameTop++;
        }

        kldValues.Add(kld);
        deltaPValues.Add(deltaP);
        Count++;
    }

    /// <summary>The statistics of <c>llama-perplexity --kl-divergence</c>, with its formulas for every ± value.</summary>
    internal KlDivergenceResult ToResult()
    {
        if (Count == 0)
        {
            throw new InvalidOperationException("no token was compared");
        }

        var lnPpl = QualityStatistics.MeanAndUncertainty(sumNll, sumNll2, Count);
        var lnPplBase = QualityStatistics.MeanAndUncertainty(sumNllBase, sumNllBase2, Count);
        double ppl = Math.Exp(lnPpl.Mean);
        double pplBase = Math.Exp(lnPplBase.Mean);
        double pplUncertainty = ppl * lnPpl.Uncertainty;
        double pplBaseUncertainty = pplBase * lnPplBase.Uncertainty;

        double lnCovariance = QualityStatistics.CovarianceOfMeans(sumNll, sumNllBase, sumNllNllBase, Count);
        double lnCorrelation = lnPpl.Uncertainty > 0 && lnPplBase.Uncertainty > 0
            ? lnCovariance / (lnPpl.Uncertainty * lnPplBase.Uncertainty)
            : double.NaN;

        double lnRatio = lnPpl.Mean - lnPplBase.Mean;
        double lnRatioUncertainty = Math.Sqrt(Math.Max(0,
            lnPpl.Uncertainty * lnPpl.Uncertainty + lnPplBase.Uncertainty * lnPplBase.Uncertainty - 2 * lnCovariance));
        double ratio = Math.Exp(lnRatio);

        double pplCovariance = ppl * pplBase * lnCovariance;
        double differenceUncertainty = Math.Sqrt(Math.Max(0,
            pplUncertainty * pplUncertainty + pplBaseUncertainty * pplBaseUncertainty - 2 * pplCovariance));

        var kld = QualityStatistics.MeanAndUncertainty(sumKld, sumKld2, Count);
        var deltaP = QualityStatistics.MeanAndUncertainty(sumDeltaP, sumDeltaP2, Count);
        var meanSquareDeltaP = QualityStatistics.MeanAndUncertainty(sumDeltaP2, sumDeltaP4, Count);
        double rmsDeltaP = Math.Sqrt(meanSquareDeltaP.Mean);
        double sameTopShare = (double)sameTop / Count;

        return new KlDivergenceResult
        {
            ScoredTokens = Count,
            Perplexity = new PerplexityResult(ppl, pplUncertainty, lnPpl.Mean, lnPpl.Uncertainty, Count),
            BaselinePerplexity = new PerplexityResult(pplBase, pplBaseUncertainty, lnPplBase.Mean, lnPplBase.Uncertainty, Count),
            LnPerplexityCorrelation = lnCorrelation,
            MeanLnPerplexityRatio = lnRatio,
            MeanLnPerplexityRatioUncertainty = lnRatioUncertainty,
            PerplexityRatio = ratio,
            PerplexityRatioUncertainty = ratio * lnRatioUncertainty,
            PerplexityDifference = ppl - pplBase,
            PerplexityDifferenceUncertainty = differenceUncertainty,
            MeanKld = kld.Mean,
            MeanKldUncertainty = kld.Uncertainty,
            Kld = QualityStatistics.Summarize(CollectionsMarshal.AsSpan(kldValues)),
            MeanDeltaP = deltaP.Mean,
            MeanDeltaPUncertainty = deltaP.Uncertainty,
            DeltaP = QualityStatistics.Summarize(CollectionsMarshal.AsSpan(deltaPValues)),
            RmsDeltaP = rmsDeltaP,
            RmsDeltaPUncertainty = rmsDeltaP > 0 ? 0.5 / rmsDeltaP * meanSquareDeltaP.Uncertainty : 0,
            SameTopTokenShare = sameTopShare,
            SameTopTokenShareUncertainty = Count > 1 ? Math.Sqrt(sameTopShare * (1 - sameTopShare) / (Count - 1)) : 0,
        };
    }
}
