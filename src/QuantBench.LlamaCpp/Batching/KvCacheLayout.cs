using System.Globalization;
using LLama;

namespace QuantBench.LlamaCpp.Batching;

/// <summary>
/// The KV cache's size per token, from the model's shape: keys and values (f16, llama.cpp's default
/// cache type, 2 bytes each) for every layer and KV head. llama.cpp has no API that reports it.
/// </summary>
internal static class KvCacheLayout
{
    private const int BytesPerElement = 2;

    internal static long BytesPerToken(LLamaWeights weights)
    {
        var model = weights.NativeHandle;
        int heads = model.HeadCount;
        int headDimension = heads > 0 ? model.EmbeddingSize / heads : 0;
        long keyLength = MetadataInt(weights, "attention.key_length") ?? headDimension;
        long valueLength = MetadataInt(weights, "attention.value_length") ?? headDimension;
        return (long)model.LayerCount * model.KVHeadCount * (keyLength + valueLength) * BytesPerElement;
    }

    // GGUF keys are prefixed by the architecture, e.g. llama.attention.key_length; present only when the head size differs from n_embd / n_head.
    private static long? MetadataInt(LLamaWeights weights, string key)
    {
        if (!weights.Metadata.TryGetValue("general.architecture", out var architecture))
        {
            return null;
        }

        return weights.Metadata.TryGetValue($"{architecture}.{key}", out var text)
               && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long value)
            ? value
            : null;
    }
}
