using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Text;

namespace QuantBench.Gguf;

/// <summary>
/// Writes GGUF v3 files: header, metadata, tensor infos, then each tensor's data streamed from its
/// callback, padded to the alignment (<c>general.alignment</c> when present, else 32).
/// The file appears at its path only once complete: it is written beside it and then renamed.
/// </summary>
public static class GgufWriter
{
    public const uint Version = 3;

    /// <exception cref="ArgumentException">The metadata or tensors are invalid (names, shapes, alignment).</exception>
    /// <exception cref="InvalidOperationException">A tensor callback wrote the wrong number of bytes.</exception>
    public static void Write(
        string path,
        GgufMetadata metadata,
        IReadOnlyList<GgufTensorSource> tensors,
        IProgress<double>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var alignment = AlignmentOf(metadata);
        var infos = Layout(tensors, alignment);
        var totalDataBytes = infos.Length == 0 ? 0 : AlignUp(infos[^1].OffsetBytes + infos[^1].ByteSize, alignment);

        var fullPath = Path.GetFullPath(path);
        var tempPath = fullPath + ".partial";
        try
        {
            using (var file = new FileStream(tempPath, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
            {
                var header = new HeaderWriter(file);
                header.UInt32(GgufHeaderParser.Magic);
                header.UInt32(Version);
                header.UInt64((ulong)infos.Length);
                header.UInt64((ulong)metadata.Count);
                foreach (var entry in metadata)
                {
                    header.String(entry.Key);
                    header.UInt32((uint)entry.Value.Type);
                    header.Value(entry.Value);
                }

                foreach (var info in infos)
                {
                    header.String(info.Name);
                    header.UInt32((uint)info.Dimensions.Length);
                    foreach (var dim in info.Dimensions)
                    {
                        header.UInt64((ulong)dim);
                    }

                    header.UInt32((uint)info.Type);
                    header.UInt64((ulong)info.OffsetBytes);
                }

                Pad(file, alignment);
                var dataStart = file.Position;
                for (var i = 0; i < infos.Length; i++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var info = infos[i];
                    using (var bounded = new BoundedWriteStream(file, info.ByteSize, info.Name))
                    {
                        tensors[i].WriteData(bounded, cancellationToken);
                        bounded.EnsureComplete();
                    }

                    Pad(file, alignment);
                    progress?.Report(totalDataBytes == 0 ? 1.0 : (double)(file.Position - dataStart) / totalDataBytes);
                }
            }

            File.Move(tempPath, fullPath, overwrite: true);
            progress?.Report(1.0);
        }
        finally
        {
            if (File.Exists(tempPath))
            {
                File.Delete(tempPath);
            }
        }
    }

    private static ImmutableArray<GgufTensorInfo> Layout(IReadOnlyList<GgufTensorSource> tensors, int alignment)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var infos = ImmutableArray.CreateBuilder<GgufTensorInfo>(tensors.Count);
        long offset = 0;
        foreach (var tensor in tensors)
        {
            if (string.IsNullOrEmpty(tensor.Name) || Encoding.UTF8.GetByteCount(tensor.Name) > GgufHeaderParser.MaxNameBytes)
            {
                throw new ArgumentException(
                    $"tensor name '{tensor.Name}' must be 1 to {GgufHeaderParser.MaxNameBytes} bytes", nameof(tensors));
            }

            if (!names.Add(tensor.Name))
            {
                throw new ArgumentException($"duplicate tensor name '{tensor.Name}'", nameof(tensors));
            }

            if (tensor.Dimensions.IsDefault || tensor.Dimensions.Length is 0 or > GgufHeaderParser.MaxDimensions
                || tensor.Dimensions.Any(d => d <= 0))
            {
                throw new ArgumentException(
                    $"tensor '{tensor.Name}' needs 1 to {GgufHeaderParser.MaxDimensions} positive dimensions", nameof(tensors));
            }

            var type = GgmlTypeTraits.Get(tensor.Type);
            if (tensor.Dimensions[0] % type.BlockSizeElements != 0)
            {
                throw new ArgumentException(
                    $"tensor '{tensor.Name}' row length {tensor.Dimensions[0]} is not a multiple of the "
                    + $"{type.Name} block size {type.BlockSizeElements}", nameof(tensors));
            }

            var info = tensor.ToInfo(offset);
            infos.Add(info);
            offset = AlignUp(checked(offset + info.ByteSize), alignment);
        }

        return infos.MoveToImmutable();
    }

    private static int AlignmentOf(GgufMetadata metadata)
    {
        if (!metadata.TryGetValue(GgufKeys.Alignment, out var value))
        {
            return GgufFile.DefaultAlignmentBytes;
        }

        if (value.Payload is uint a && a != 0 && (a & (a - 1)) == 0 && a <= 1 << 20)
        {
            return (int)a;
        }

        throw new ArgumentException($"{GgufKeys.Alignment} must be a UInt32 power of two, got {value.Type} {value}");
    }

    private static long AlignUp(long value, int alignment) => (value + alignment - 1) / alignment * alignment;

    private static void Pad(Stream stream, int alignment)
    {
        var padding = AlignUp(stream.Position, alignment) - stream.Position;
        Span<byte> zeros = stackalloc byte[256];
        zeros.Clear();
        while (padding > 0)
        {
            var chunk = (int)Math.Min(padding, zeros.Length);
            stream.Write(zeros[..chunk]);
            padding -= chunk;
        }
    }

    /// <summary>Little-endian encoding of header fields and metadata values.</summary>
    private sealed class HeaderWriter(Stream stream)
    {
        private readonly byte[] _buffer = new byte[8];

        public void UInt32(uint value)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(_buffer, value);
            stream.Write(_buffer, 0, 4);
        }

        public void UInt64(ulong value)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(_buffer, value);
            stream.Write(_buffer, 0, 8);
        }

        public void String(string value)
        {
            var bytes = Encoding.UTF8.GetBytes(value);
            UInt64((ulong)bytes.Length);
            stream.Write(bytes);
        }

        public void Value(GgufValue value)
        {
            switch (value.Payload)
            {
                case byte v: stream.WriteByte(v); break;
                case sbyte v: stream.WriteByte((byte)v); break;
                case bool v: stream.WriteByte(v ? (byte)1 : (byte)0); break;
                case ushort v: BinaryPrimitives.WriteUInt16LittleEndian(_buffer, v); stream.Write(_buffer, 0, 2); break;
                case short v: BinaryPrimitives.WriteInt16LittleEndian(_buffer, v); stream.Write(_buffer, 0, 2); break;
                case uint v: UInt32(v); break;
                case int v: UInt32((uint)v); break;
                case ulong v: UInt64(v); break;
                case long v: UInt64((ulong)v); break;
                case float v: UInt32(BitConverter.SingleToUInt32Bits(v)); break;
                case double v: UInt64(BitConverter.DoubleToUInt64Bits(v)); break;
                case string v: String(v); break;
                case ImmutableArray<GgufValue> items:
                    UInt32((uint)value.ElementType!.Value);
                    UInt64((ulong)items.Length);
                    foreach (var item in items)
                    {
                        Value(item);
                    }

                    break;
                default:
                    throw new InvalidOperationException($"cannot encode GGUF value of type {value.Type}");
            }
        }
    }
}
