using QuantBench.Machine;
using QuantBench.Results;
using QuantBench.Settings;

namespace QuantBench.Running;

/// <summary>
/// What a model will need, from its GGUF header and the settings: memory to load it (weights, KV cache,
/// compute buffers) and bytes read per generated token (the decode roofline).
/// </summary>
public static class ResourceEstimate
{
    /// <summary>The KV cache's element size: llama.cpp's default cache type is F16.</summary>
    public const double KvBytesPerElement = 2;

    /// <summary>KV cache bytes for a context of <paramref name="contextTokens"/>.</summary>
    public static long KvCacheBytes(ModelDescriptor model, int contextTokens) =>
        DecodeRoofline.KvCacheBytesReadPerToken(model.Layers, model.KvHeads, model.HeadDimension, contextTokens, KvBytesPerElement);

    /// <summary>
    /// Resident memory the model is expected to need: the weights, the KV cache, and compute buffers
    /// estimated as the logits and activations of one micro-batch (float32), plus the runtime's baseline.
    /// A deliberately simple upper-end estimate, used only to refuse models that clearly cannot fit.
    /// </summary>
    public static long MemoryBytes(ModelDescriptor model, BenchmarkSettings settings, long runtimeBaselineBytes = 64L << 20)
    {
        long kvWidth = (long)model.HeadDimension * model.KvHeads;
        long activations = 4L * settings.MicroBatchSize * (model.VocabularySize + 16 * kvWidth);
        return model.TensorBytes + KvCacheBytes(model, settings.EffectiveContextSize) + activations + runtimeBaselineBytes;
    }

    /// <summary>The roofline of the latency test's decode: weights plus the mean KV cache read per generated token.</summary>
    public static RooflineResult? Roofline(ModelResult result, MemoryBandwidthResult? bandwidth, BenchmarkSettings settings)
    {
        if (bandwidth is null || result.Latency is null || result.Model.WeightBytesReadPerToken <= 0 || result.Model.Layers <= 0)
        {
            return null;
        }

        var model = result.Model;
        long kv = DecodeRoofline.MeanKvCacheBytesReadPerToken(model.Layers, model.KvHeads, model.HeadDimension, settings.PromptTokens, settings.OutputTokens, KvBytesPerElement);
        var roofline = new DecodeRoofline(bandwidth.BytesPerSecond, model.WeightBytesReadPerToken + kv);
        double measured = result.Latency.DecodeTokensPerSecond.Median;
        return new RooflineResult(bandwidth.BytesPerSecond, roofline.BytesReadPerToken, roofline.MaxTokensPerSecond, measured, roofline.ShareAchieved(Math.Max(0, measured)));
    }
}
