namespace QuantBench.Preparation;

/// <summary>llama.cpp's quantizer's tensor categories (llama-quant.cpp <c>tensor_get_category</c>), found from the tensor's name.</summary>
public enum TensorCategory
{
    TokenEmbedding,
    AttentionQ,
    AttentionV,
    AttentionK,
    AttentionQkv,
    AttentionKvB,
    AttentionOutput,
    FfnUp,
    FfnGate,
    FfnDown,
    Output,
    Other,
}
