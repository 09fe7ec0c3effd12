namespace QuantBench.Quality;

/// <summary>Log-probabilities from logits, in double precision and relative to the largest logit so no exponent overflows.</summary>
internal static class LogSoftmax
{
    /// <summary>ln(sum exp(logits)), the normalizer: ln p(v) = logits[v] - LogSumExp.</summary>
    internal static double LogSumExp(ReadOnlySpan<float> logits)
    {
        double max = Max(logits);
        double sum = 0;
        for (int i = 0; i < logits.Length; i++)
        {
            sum += Math.Exp(logits[i] - max);
        }

        return max + Math.Log(sum);
    }

    /// <summary>Writes ln p(v) for every v into <paramref name="logProbs"/> and returns the negative log-likelihood of <paramref name="target"/>.</summary>
    internal static double Compute(ReadOnlySpan<float> logits, int target, Span<float> logProbs)
    {
        double logSumExp = LogSumExp(logits);
        for (int i = 0; i < logits.Length; i++)
        {
            logProbs[i] = (float)(logits[i] - logSumExp);
        }

        return logSumExp - logits[target];
    }

    /// <summary>The index of the largest logit; the first one on a tie, as llama.cpp picks.</summary>
    internal static int ArgMax(ReadOnlySpan<float> values)
    {
        int best = 0;
        for (int i = 1; i < values.Length; i++)
        {
            if (values[i] > values[best])
            {
                best = i;
            }
        }

        return best;
    }

    private static double Max(ReadOnlySpan<float> logits)
    {
        float max = logits[0];
        for (int i = 1; i < logits.Length; i++)
        {
            max = Math.Max(max, logits[i]);
        }

        return max;
    }
}
