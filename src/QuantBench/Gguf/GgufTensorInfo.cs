using System.Collections.Immutable;

namespace QuantBench.Gguf;

/// <summary>
/// A tensor's header entry. <see cref="Dimensions"/> are in ggml order (the first is the row length);
/// <see cref="OffsetBytes"/> is relative to the start of the file's tensor data section.
/// </summary>
public sealed record GgufTensorInfo(string Name, ImmutableArray<long> Dimensions, GgmlType Type, long OffsetBytes)
{
    /// <summary>Number of elements (product of the dimensions).</summary>
    public long ElementCount => Dimensions.Aggregate(1L, (acc, d) => checked(acc * d));

    /// <summary>Bytes of tensor data, from the type's block layout.</summary>
    public long ByteSize => GgmlTypeTraits.Get(Type).ByteSizeOf(ElementCount);
}
