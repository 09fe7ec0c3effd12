namespace QuantBench.LlamaCpp.Batching;

/// <summary>Greedy decoding: the most likely token, end-of-sequence included (generation is forced to length).</summary>
internal static class Greedy
{
    internal static int ArgMax(Span<float> logits)
    {
        int best = 0;
        float bestValue = float.NegativeInfinity;
        for (int i = 0; i < logits.Length; i++)
        {
            if (logits[i] > bestValue)
            {
                bestValue = logits[i];
                best = i;
            }
        }

        return best;
    }
}
