namespace QuantBench.Quality;

/// <summary>
/// Perplexity over the scored tokens: PPL = exp(mean negative log-likelihood of the next token), with
/// llama-perplexity's uncertainty PPL × (standard error of the mean NLL).
/// </summary>
public sealed record PerplexityResult(
    double Perplexity,
    double PerplexityUncertainty,
    double MeanNegativeLogLikelihood,
    double MeanNegativeLogLikelihoodUncertainty,
    long ScoredTokens);
