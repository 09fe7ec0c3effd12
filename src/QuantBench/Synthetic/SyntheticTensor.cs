using System.Collections.Immutable;

namespace QuantBench.Synthetic;

/// <summary>One tensor of a synthetic model: name, ggml-order dimensions, and how its values are drawn.</summary>
internal sealed record SyntheticTensor(string Name, ImmutableArray<long> Dimensions, SyntheticTensorKind Kind)
{
    public long ElementCount => Dimensions.Aggregate(1L, (a, d) => a * d);

    /// <summary>The llama.cpp tensor names and shapes of a llama model, in the order llama.cpp's converter writes them.</summary>
    public static ImmutableArray<SyntheticTensor> LlamaLayout(SyntheticModelPreset p)
    {
        long embd = p.EmbeddingLength, ff = p.FeedForwardLength, kv = p.KvDimension, vocab = p.VocabularySize;
        var tensors = ImmutableArray.CreateBuilder<SyntheticTensor>(3 + 9 * p.BlockCount);
        tensors.Add(new("token_embd.weight", [embd, vocab], SyntheticTensorKind.Embedding));
        for (var b = 0; b < p.BlockCount; b++)
        {
            tensors.Add(new($"blk.{b}.attn_norm.weight", [embd], SyntheticTensorKind.Norm));
            tensors.Add(new($"blk.{b}.attn_q.weight", [embd, embd], SyntheticTensorKind.Projection));
            tensors.Add(new($"blk.{b}.attn_k.weight", [embd, kv], SyntheticTensorKind.Projection));
            tensors.Add(new($"blk.{b}.attn_v.weight", [embd, kv], SyntheticTensorKind.Projection));
            tensors.Add(new($"blk.{b}.attn_output.weight", [embd, embd], SyntheticTensorKind.Projection));
            tensors.Add(new($"blk.{b}.ffn_norm.weight", [embd], SyntheticTensorKind.Norm));
            tensors.Add(new($"blk.{b}.ffn_gate.weight", [embd, ff], SyntheticTensorKind.Projection));
            tensors.Add(new($"blk.{b}.ffn_up.weight", [embd, ff], SyntheticTensorKind.Projection));
            tensors.Add(new($"blk.{b}.ffn_down.weight", [ff, embd], SyntheticTensorKind.Projection));
        }

        tensors.Add(new("output_norm.weight", [embd], SyntheticTensorKind.Norm));
        tensors.Add(new("output.weight", [embd, vocab], SyntheticTensorKind.Projection));
        return tensors.MoveToImmutable();
    }
}
