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
    public static float FirstTokenLogProb(ReadOnlySpan<float> row, int token) => FirstTokenLogProb(row, token, Softmax(row));

    /// <summary>
    /// <see cref="FirstTokenLogProb(ReadOnlySpan{float}, int)"/> with the row's softmax computed once for all of a
    /// task's choices, as llama-perplexity does (the same values: the max and the sum do not depend on the token).
    /// </summary>
    public static float FirstTokenLogProb(ReadOnlySpan<float> row, int token, (float Max, double Sum) softmax)
    {
        float probability = (float)(MathF.Exp(row[token] - softmax.Max) / softmax.Sum);
        return MathF.Log(probability);
    }

    /// <summary>The row's maximum and the double sum of expf(logit - max), the softmax's denominator.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static (float Max, double Sum) Softmax(ReadOnlySpan<float> row)
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

        return (max, sum);
    }
}
