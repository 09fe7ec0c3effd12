using System.Collections.Immutable;

namespace QuantBench.Results;

/// <summary>What was measured: the file, its label, and its size facts as read from its GGUF header.</summary>
public sealed record ModelDescriptor
{
    public required string Path { get; init; }
    /// <summary>Short name shown in tables, e.g. the quantization level <c>Q4_K_M</c> or the file name.</summary>
    public required string Label { get; init; }
    public string? Architecture { get; init; }
    public long FileBytes { get; init; }
    public long TensorBytes { get; init; }
    public long ParameterCount { get; init; }
    /// <summary>8 x tensor bytes / parameters, as llama.cpp reports it.</summary>
    public double BitsPerWeight { get; init; }
    /// <summary>The tensor types in the file and how many parameters each holds, e.g. Q4_K: 2.1M.</summary>
    public ImmutableDictionary<string, long> ParametersByTensorType { get; init; } = ImmutableDictionary<string, long>.Empty;
    /// <summary>What a quantized level really holds: its family's share and the weights that fell back (null for F32 and unknown file types).</summary>
    public LevelMix? LevelMix { get; init; }
    public string? Sha256 { get; init; }
    /// <summary>
    /// Weight bytes one generated token reads: every tensor except the token-embedding table, of which a
    /// token reads one row (unless the output layer shares it). The roofline's numerator.
    /// </summary>
    public long WeightBytesReadPerToken { get; init; }
    /// <summary>Transformer blocks, KV heads and head size, for the KV cache's size (0 when the header lacks them).</summary>
    public int Layers { get; init; }
    public int KvHeads { get; init; }
    public int HeadDimension { get; init; }
    public int VocabularySize { get; init; }
}
