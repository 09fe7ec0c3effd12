using System.Collections.Immutable;

namespace QuantBench.Gguf;

/// <summary>
/// The validated header of a GGUF file: version, metadata, tensor layout. Holds no tensor data.
/// </summary>
public sealed record GgufFile(
    string Path,
    uint Version,
    int AlignmentBytes,
    GgufMetadata Metadata,
    ImmutableArray<GgufTensorInfo> Tensors,
    long DataOffsetBytes,
    long FileLengthBytes)
{
    /// <summary>Alignment used when a file has no <c>general.alignment</c> key.</summary>
    public const int DefaultAlignmentBytes = 32;

    /// <summary>The tensor called <paramref name="name"/>, or null.</summary>
    public GgufTensorInfo? FindTensor(string name) => Tensors.FirstOrDefault(t => t.Name == name);
}
