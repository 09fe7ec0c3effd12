using System.Collections.Immutable;

namespace QuantBench.Gguf;

/// <summary>Checks where a GGUF file's tensors lie, as llama.cpp's loader will expect them.</summary>
internal static class GgufTensorLayout
{
    // llama.cpp (gguf.cpp) requires tensors packed in header order, each starting at the previous
    // one's end rounded up to the alignment; checking the same rule here keeps its loader from failing later.
    internal static void Validate(string path, long fileLength, ImmutableArray<GgufTensorInfo> tensors, long dataOffset, int alignment)
    {
        long expected = 0;
        foreach (var tensor in tensors)
        {
            if (tensor.OffsetBytes % alignment != 0)
            {
                throw new GgufFormatException(path, $"tensor '{tensor.Name}' offset {tensor.OffsetBytes} is not a multiple of the alignment {alignment}");
            }

            if (tensor.OffsetBytes != expected)
            {
                throw new GgufFormatException(path, $"tensor '{tensor.Name}' has offset {tensor.OffsetBytes}, expected {expected} "
                    + "(tensors must be stored in header order without gaps)");
            }

            long end;
            try
            {
                end = checked(dataOffset + tensor.OffsetBytes + tensor.ByteSize);
            }
            catch (OverflowException)
            {
                throw new GgufFormatException(path, $"tensor '{tensor.Name}' has an absurd byte size");
            }

            if (end > fileLength)
            {
                throw new GgufFormatException(path, $"truncated: tensor '{tensor.Name}' ends at byte {end} but file has {fileLength} bytes");
            }

            expected = (tensor.OffsetBytes + tensor.ByteSize + alignment - 1) / alignment * alignment;
        }
    }
}
