namespace QuantBench.Quality;

/// <summary>Running sums of the negative log-likelihood of scored tokens.</summary>
internal sealed class PerplexityAccumulator
{
    private double sum;
    private double sumOfSquares;

    internal long Count { get; private set; }

    internal void Add(double negativeLogLikelihood)
    {
        sum += negativeLogLikelihood;
        sumOfSquares += negativeLogLikelihood * negativeLogLikelihood;
        Count++;
    }

    /// <summary>
    /// llama-perplexity's final estimate: PPL = exp(mean NLL) ± PPL × sqrt((E[nll²] - E[nll]²) / (n - 1)).
    /// </summary>
    internal PerplexityResult ToResult()
    {
        if (Count == 0)
        {
            throw new InvalidOperationException("no token was scored");
        }

        double mean = sum / Count;
        double variance = sumOfSquares / Count - mean * mean;
        double meanUncertainty = variance > 0 && Count > 1 ? Math.Sqrt(variance / (Count - 1)) : 0;
        double perplexity = Math.Exp(mean);
        return new PerplexityResult(perplexity, perplexity * meanUncertainty, mean, meanUncertainty, Count);
    }
}
