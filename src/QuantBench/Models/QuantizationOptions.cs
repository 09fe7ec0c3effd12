using System.Collections.Immutable;
using QuantBench.Gguf;

namespace QuantBench.Models;

/// <summary>
/// llama-quantize's options beside the level: per-tensor types (<c>--tensor-type</c>, first match wins),
/// <c>--output-tensor-type</c>, <c>--token-embedding-type</c>, <c>--pure</c> and <c>--imatrix</c>.
/// </summary>
public sealed record QuantizationOptions
{
    public static QuantizationOptions None { get; } = new();

    public ImmutableArray<TensorTypeOverride> TensorTypes { get; init; } = [];
    public GgmlType? OutputTensorType { get; init; }
    public GgmlType? TokenEmbeddingType { get; init; }

    /// <summary>Every quantized weight in the level's main type, without llama.cpp's per-tensor mix (fallbacks still apply).</summary>
    public bool Pure { get; init; }

    /// <summary>An importance matrix written by llama-imatrix (GGUF format).</summary>
    public string? ImportanceMatrixPath { get; init; }

    public bool IsDefault => TensorTypes.IsEmpty && OutputTensorType is null && TokenEmbeddingType is null && !Pure && ImportanceMatrixPath is null;
}
