using QuantBench.Quality;

namespace QuantBench.Tests.Quality;

public sealed class KlDivergenceAccumulatorTests
{
    private static float[] LogProbs(params double[] probabilities) => probabilities.Select(p => (float)Math.Log(p)).ToArray();

    [Fact]
    public void Identical_distributions_have_zero_divergence_and_always_the_same_top_token()
    {
        var random = new Random(3);
        var accumulator = new KlDivergenceAccumulator();
        var logProbs = new float[50];
        for (int t = 0; t < 200; t++)
        {
            var logits = Enumerable.Range(0, 50).Select(_ => (float)(random.NextDouble() * 8)).ToArray();
            LogSoftmax.Compute(logits, 0, logProbs);
            accumulator.Add(logits, logProbs, target: t % 50);
        }

        var result = accumulator.ToResult();
        Assert.Equal(0, result.MeanKld, 6);
        Assert.Equal(0, result.Kld.Maximum, 6);
        Assert.Equal(1, result.SameTopTokenShare);
        Assert.Equal(0, result.RmsDeltaP, 6);
        Assert.Equal(1, result.PerplexityRatio, 6);
        Assert.Equal(result.BaselinePerplexity.Perplexity, result.Perplexity.Perplexity, 3);
        Assert.Equal(1, result.LnPerplexityCorrelation, 4);
    }

    [Fact]
    public void Two_token_case_matches_hand_computation()
    {
        // Model: p = (1/4, 3/4); baseline: (1/2, 1/2); the next token is token 1.
        float[] logits = [0f, (float)Math.Log(3)];
        var accumulator = new KlDivergenceAccumulator();
        accumulator.Add(logits, LogProbs(0.5, 0.5), target: 1);

        var result = accumulator.ToResult();
        // KLD = 1/2 ln(1/2 / 1/4) + 1/2 ln(1/2 / 3/4) = 1/2 ln(4/3).
        Assert.Equal(0.5 * Math.Log(4.0 / 3.0), result.MeanKld, 6);
        Assert.Equal(0.75 - 0.5, result.MeanDeltaP, 6);
        Assert.Equal(4.0 / 3.0, result.Perplexity.Perplexity, 6);
        Assert.Equal(2.0, result.BaselinePerplexity.Perplexity, 6);
        Assert.Equal(Math.Log(4.0 / 3.0) - Math.Log(2), result.MeanLnPerplexityRatio, 6);
        // On a tie llama.cpp takes the first token as the baseline's top; the model's top is token 1.
        Assert.Equal(0, result.SameTopTokenShare);
    }

    [Fact]
    public void Same_top_share_counts_tokens_whose_most_likely_next_token_agrees()
    {
        var accumulator = new KlDivergenceAccumulator();
        var baseline = LogProbs(0.1, 0.7, 0.2);
        accumulator.Add([0f, 2f, 1f], baseline, target: 0);
        accumulator.Add([0f, 3f, 1f], baseline, target: 1);
        accumulator.Add([0f, 2f, 1.5f], baseline, target: 2);
        accumulator.Add([0f, 1f, 2f], baseline, target: 0);

        Assert.Equal(0.75, accumulator.ToResult().SameTopTokenShare);
    }

    [Fact]
    public void Delta_p_is_the_model_probability_minus_the_baseline_probability_of_the_next_token()
    {
        var accumulator = new KlDivergenceAccumulator();
        accumulator.Add([0f, 0f], LogProbs(0.2, 0.8), target: 1); // 0.5 - 0.8
        accumulator.Add([0f, 0f], LogProbs(0.2, 0.8), target: 0); // 0.5 - 0.2

        var result = accumulator.ToResult();
        Assert.Equal(-0.3, result.DeltaP.Minimum, 6);
        Assert.Equal(0.3, result.DeltaP.Maximum, 6);
        Assert.Equal(0, result.MeanDeltaP, 6);
        Assert.Equal(0.3, result.RmsDeltaP, 6);
    }
}
