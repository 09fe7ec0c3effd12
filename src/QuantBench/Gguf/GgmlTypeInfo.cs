namespace QuantBench.Gguf;

/// <summary>
/// Storage layout of one <see cref="GgmlType"/>: elements are stored in blocks of
/// <see cref="BlockSizeElements"/> elements taking <see cref="BytesPerBlock"/> bytes each.
/// </summary>
public readonly record struct GgmlTypeInfo(GgmlType Type, string Name, int BlockSizeElements, int BytesPerBlock)
{
    /// <summary>Whether the type stores blocks of quantized values rather than plain numbers.</summary>
    public bool IsQuantized => BlockSizeElements > 1;

    /// <summary>Bits per element, e.g. 4.5 for Q4_K.</summary>
    public double BitsPerElement => 8.0 * BytesPerBlock / BlockSizeElements;

    /// <summary>
    /// Bytes taken by <paramref name="elementCount"/> elements; the count must be a whole number of blocks.
    /// </summary>
    public long ByteSizeOf(long elementCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(elementCount);
        if (elementCount % BlockSizeElements != 0)
        {
            throw new ArgumentException(
                $"{elementCount} elements is not a whole number of {Name} blocks of {BlockSizeElements}",
                nameof(elementCount));
        }

        return checked(elementCount / BlockSizeElements * BytesPerBlock);
    }
}
