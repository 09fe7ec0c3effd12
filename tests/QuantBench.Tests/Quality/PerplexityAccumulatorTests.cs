using QuantBench.Quality;

namespace QuantBench.Tests.Quality;

public sealed class PerplexityAccumulatorTests
{
    [Fact]
    public void Uniform_logits_give_a_perplexity_equal_to_the_vocabulary_size()
    {
        const int vocabulary = 37;
        var logits = Enumerable.Repeat(0.25f, vocabulary).ToArray();
        var logProbs = new float[vocabulary];
        var accumulator = new PerplexityAccumulator();
        for (int target = 0; target < 100; target++)
        {
            accumulator.Add(LogSoftmax.Compute(logits, target % vocabulary, logProbs));
        }

        var result = accumulator.ToResult();
        Assert.Equal(vocabulary, result.Perplexity, 9);
        Assert.InRange(result.PerplexityUncertainty, 0, 1e-5 * vocabulary); // float rounding of the log-probabilities only
        Assert.Equal(100, result.ScoredTokens);
        Assert.All(logProbs, p => Assert.Equal(-Math.Log(vocabulary), p, 6));
    }

    [Fact]
    public void Log_softmax_is_exact_for_huge_logits()
    {
        // exp(1000) overflows a double; relative to the largest logit it does not.
        float[] logits = [1000f, 1000f + (float)Math.Log(3)];
        var logProbs = new float[2];
        double nll = LogSoftmax.Compute(logits, 1, logProbs);
        Assert.Equal(Math.Log(4.0 / 3.0), nll, 4);
        Assert.Equal(Math.Log(0.25), logProbs[0], 4);
    }

    [Fact]
    public void Uncertainty_is_perplexity_times_the_standard_error_of_the_mean_nll()
    {
        var accumulator = new PerplexityAccumulator();
        double[] nlls = [1, 2, 3, 4];
        foreach (double nll in nlls)
        {
            accumulator.Add(nll);
        }

        // mean 2.5, E[x²] - mean² = 1.25, standard error sqrt(1.25 / 3).
        var result = accumulator.ToResult();
        Assert.Equal(Math.Exp(2.5), result.Perplexity, 9);
        Assert.Equal(Math.Sqrt(1.25 / 3), result.MeanNegativeLogLikelihoodUncertainty, 12);
        Assert.Equal(Math.Exp(2.5) * Math.Sqrt(1.25 / 3), result.PerplexityUncertainty, 9);
    }
}
