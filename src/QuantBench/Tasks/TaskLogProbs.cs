using System.Numerics;
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
        float max = Max(row);
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
        float max = Max(row);
        double sum = 0;
        foreach (float v in row)
        {
            sum += MathF.Exp(v - max);
        }

        return (max, sum);
    }

    /// <summary>
    /// The row's maximum, several lanes at a time: the same value as a scalar loop (a maximum does not depend on the
    /// order), only a zero's sign may differ, which changes no logit - max. Logits are never NaN.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static float Max(ReadOnlySpan<float> row)
    {
        int i = 0;
        float max = row[0];
        if (Vector.IsHardwareAccelerated && row.Length >= 2 * Vector<float>.Count)
        {
            var lanes = new Vector<float>(row);
            for (i = Vector<float>.Count; i <= row.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                lanes = Vector.Max(lanes, new Vector<float>(row[i..]));
            }

            for (int lane = 0; lane < Vector<float>.Count; lane++)
            {
                max = Math.Max(max, lanes[lane]);
            }
        }

        for (; i < row.Length; i++)
        {
            max = Math.Max(max, row[i]);
        }

        return max;
    }
}
