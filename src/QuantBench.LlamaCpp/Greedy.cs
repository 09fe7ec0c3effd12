using System.Numerics.Tensors;

namespace QuantBench.LlamaCpp;

/// <summary>Greedy decoding: the most likely token, end-of-sequence included (generation is forced to length).</summary>
internal static class Greedy
{
    internal static int ArgMax(ReadOnlySpan<float> logits) => TensorPrimitives.IndexOfMax(logits);
}
