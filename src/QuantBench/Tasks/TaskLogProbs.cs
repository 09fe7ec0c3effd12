using System.Runtime.CompilerServices;

namespace QuantBench.Tasks;

/// <summary>llama-perplexity's two log-probability computations for task scoring, in its precision.</summary>
public static class TaskLogProbs
{
    /// <summary>
    /// log p(token) from one logits row in single precision: the row's maximum, then the sum of
    /// expf(logit - max) accumulated in float, then logit[token] - max - logf(sum).
    /// </summary>
    // Fully optimised from the first call: a run's first batches would otherwise be scored by tier-0 code.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static float LogProb(ReadOnlySpan<float> row, int token)
    {
        float max = row[0];
        for (int i = 1; i < row.Length; i++)
        {
            max = Math.Max(max, row[i]);
        }

        float sum = 0f;
        for (int i = 0; i < row.Length; i++)
        {
            sum += MathF.Exp(row[i] - max);
        }

        return row[token] - max - MathF.Log(sum);
    }

    /// <summary>
    /// The first choice token's log p: the softmax of the shared prefix's last row with the sum in double,
    /// each probability stored in float, then logf of it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static float FirstTokenLogProb(ReadOnlySpan<float> row, int token)
    {
        float max = row[0];
        foreach (float v in row)
        {
            max = Math.Max(max, v);
        }

        double sum = 0;
        foreach (float v in row)
        {
            sum += MathF.Exp(v - max);
        }

        float probability = (float)(MathF.Exp(row[token] - max) / sum);
        return MathF.Log(probability);
    }
}
