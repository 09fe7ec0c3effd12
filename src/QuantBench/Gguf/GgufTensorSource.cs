using System.Collections.Immutable;

namespace QuantBench.Gguf;

/// <summary>
/// A tensor to write: its header fields and a callback that streams exactly its data bytes
/// (<see cref="GgufTensorInfo.ByteSize"/>), so a model is never held in memory whole.
/// </summary>
/// <param name="Dimensions">ggml order: the first dimension is the row length.</param>
/// <param name="WriteData">Writes the tensor's bytes to the stream it is given.</param>
public sealed record GgufTensorSource(
    string Name,
    ImmutableArray<long> Dimensions,
    GgmlType Type,
    Action<Stream, CancellationToken> WriteData)
{
    /// <summary>The header entry this tensor gets once placed at <paramref name="offsetBytes"/>.</summary>
    public GgufTensorInfo ToInfo(long offsetBytes) => new(Name, Dimensions, Type, offsetBytes);
}
