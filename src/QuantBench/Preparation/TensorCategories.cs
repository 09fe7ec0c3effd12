namespace QuantBench.Preparation;

/// <summary>llama.cpp's quantizer's tensor categories (llama-quant.cpp <c>tensor_get_category</c>, b10361) from a tensor's name.</summary>
internal static class TensorCategories
{
    /// <summary>The category of a tensor from its name, as llama.cpp's <c>tensor_get_category</c> finds it.</summary>
    public static TensorCategory CategoryOf(string name)
    {
        if (name == "output.weight")
        {
            return TensorCategory.Output;
        }

        if (IsTokenEmbedding(name))
        {
            return TensorCategory.TokenEmbedding;
        }

        (string part, TensorCategory category)[] rules =
        [
            ("attn_qkv.weight", TensorCategory.AttentionQkv), ("attn_kv_b.weight", TensorCategory.AttentionKvB),
            ("attn_v.weight", TensorCategory.AttentionV), ("attn_k.weight", TensorCategory.AttentionK),
            ("attn_q.weight", TensorCategory.AttentionQ), ("attn_output.weight", TensorCategory.AttentionOutput),
            ("ffn_up", TensorCategory.FfnUp), ("ffn_gate", TensorCategory.FfnGate), ("ffn_down", TensorCategory.FfnDown),
        ];
        foreach (var (part, category) in rules)
        {
            if (name.Contains(part, StringComparison.Ordinal))
            {
                return category;
            }
        }

        return TensorCategory.Other;
    }

    /// <summary>Whether the tensor is a token embedding (llama.cpp treats the per-layer one alike).</summary>
    public static bool IsTokenEmbedding(string name) => name is "token_embd.weight" or "per_layer_token_embd.weight";

    /// <summary>Whether llama.cpp counts the category as an attention V tensor (V, fused QKV, MLA's KV-B).</summary>
    public static bool IsAttentionV(TensorCategory c) => c is TensorCategory.AttentionV or TensorCategory.AttentionQkv or TensorCategory.AttentionKvB;
}
