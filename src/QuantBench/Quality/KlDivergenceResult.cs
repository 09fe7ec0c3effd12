namespace QuantBench.Quality;

/// <summary>
/// How far a model's next-token distributions are from a baseline's on the same tokens, with the
/// statistics and ± values of <c>llama-perplexity --kl-divergence</c>. KLD is in nats; Δp and the
/// same-top share are fractions (multiply by 100 for llama.cpp's percentages).
/// </summary>
public sealed record KlDivergenceResult
{
    /// <summary>Tokens compared (every scored token of every chunk).</summary>
    public required long ScoredTokens { get; init; }

    /// <summary>PPL of the model under test on the baseline's tokens.</summary>
    public required PerplexityResult Perplexity { get; init; }

    /// <summary>PPL of the baseline, from its stored log-probabilities.</summary>
    public required PerplexityResult BaselinePerplexity { get; init; }

    /// <summary>Cor(ln PPL(Q), ln PPL(base)): the correlation of the per-token NLLs, as a fraction.</summary>
    public required double LnPerplexityCorrelation { get; init; }

    /// <summary>Mean ln(PPL(Q)/PPL(base)) = mean NLL(Q) - mean NLL(base).</summary>
    public required double MeanLnPerplexityRatio { get; init; }

    public required double MeanLnPerplexityRatioUncertainty { get; init; }

    /// <summary>PPL(Q)/PPL(base).</summary>
    public required double PerplexityRatio { get; init; }

    public required double PerplexityRatioUncertainty { get; init; }

    /// <summary>PPL(Q) - PPL(base).</summary>
    public required double PerplexityDifference { get; init; }

    public required double PerplexityDifferenceUncertainty { get; init; }

    /// <summary>Mean over tokens of sum_v p_base(v) (ln p_base(v) - ln p_Q(v)), in nats.</summary>
    public required double MeanKld { get; init; }

    public required double MeanKldUncertainty { get; init; }

    public required DistributionSummary Kld { get; init; }

    /// <summary>Mean of p_Q - p_base of the actual next token.</summary>
    public required double MeanDeltaP { get; init; }

    public required double MeanDeltaPUncertainty { get; init; }

    public required DistributionSummary DeltaP { get; init; }

    /// <summary>Root mean square of Δp.</summary>
    public required double RmsDeltaP { get; init; }

    public required double RmsDeltaPUncertainty { get; init; }

    /// <summary>Share of tokens where both models' most likely next token is the same.</summary>
    public required double SameTopTokenShare { get; init; }

    public required double SameTopTokenShareUncertainty { get; init; }
}
