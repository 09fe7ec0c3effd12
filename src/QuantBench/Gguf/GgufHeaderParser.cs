using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Text;

namespace QuantBench.Gguf;

/// <summary>
/// Parses the header of a GGUF stream, checking every length against the bytes the file really has
/// before trusting it, so that a corrupt count cannot make it allocate or read absurd amounts.
/// </summary>
internal sealed class GgufHeaderParser
{
    internal const uint Magic = 0x46554747; // "GGUF" read as a little-endian uint32
    internal const int MaxDimensions = 4; // GGML_MAX_DIMS
    internal const int MaxNameBytes = 63; // GGML_MAX_NAME is 64 including the terminating NUL

    // Smallest possible encodings, to bound counts by the file length.
    private const long MinMetadataEntryBytes = 8 + 1 + 4 + 1; // key length, 1-byte key, type, 1-byte value
    private const long MinTensorInfoBytes = 8 + 1 + 4 + 8 + 4 + 8; // name length, name, n_dims, 1 dim, type, offset
    private const int MaxArrayNesting = 8;

    private readonly Stream _stream;
    private readonly string _path;
    private readonly long _length;
    private readonly byte[] _scratch = new byte[8];
    private long _position;

    public GgufHeaderParser(Stream stream, string path)
    {
        _stream = stream;
        _path = path;
        _length = stream.Length;
    }

    private long Remaining => _length - _position;

    public GgufFile Parse()
    {
        if (_length < 4)
        {
            throw Fail($"not a GGUF file (only {_length} bytes)");
        }

        var magic = ReadUInt32("magic");
        if (magic != Magic)
        {
            throw Fail($"not a GGUF file (magic 0x{magic:X8}, expected 0x{Magic:X8} \"GGUF\")");
        }

        var version = ReadUInt32("version");
        if (version is not (2 or 3))
        {
            var hint = BinaryPrimitives.ReverseEndianness(version) is 2 or 3 ? " (big-endian file?)" : "";
            throw Fail($"unsupported GGUF version {version}{hint}; versions 2 and 3 are supported");
        }

        var tensorCount = ReadCount("tensor count", MinTensorInfoBytes);
        var metadataCount = ReadCount("metadata count", MinMetadataEntryBytes);

        var entries = new List<GgufMetadataEntry>((int)Math.Min(metadataCount, 4096));
        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (long i = 0; i < metadataCount; i++)
        {
            var key = ReadString($"key of metadata entry {i}");
            if (key.Length == 0)
            {
                throw Fail($"metadata entry {i} has an empty key");
            }

            if (!keys.Add(key))
            {
                throw Fail($"duplicate metadata key '{key}'");
            }

            var type = ReadValueType($"type of '{key}'");
            entries.Add(new GgufMetadataEntry(key, ReadValue(type, key, depth: 0)));
        }

        var metadata = new GgufMetadata(entries);
        var alignment = ReadAlignment(metadata);
        var tensors = ReadTensorInfos(tensorCount);

        var dataOffset = AlignUp(_position, alignment);
        GgufTensorLayout.Validate(_path, _length, tensors, dataOffset, alignment);
        GgufVocabularyCheck.Validate(_path, metadata);
        return new GgufFile(_path, version, alignment, metadata, tensors, dataOffset, _length);
    }

    private ImmutableArray<GgufTensorInfo> ReadTensorInfos(long count)
    {
        var tensors = ImmutableArray.CreateBuilder<GgufTensorInfo>((int)Math.Min(count, 1 << 16));
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (long i = 0; i < count; i++)
        {
            var name = ReadString($"name of tensor {i}");
            if (Encoding.UTF8.GetByteCount(name) > MaxNameBytes)
            {
                throw Fail($"tensor name '{name}' is longer than {MaxNameBytes} bytes");
            }

            if (!names.Add(name))
            {
                throw Fail($"duplicate tensor name '{name}'");
            }

            var dimensionCount = ReadUInt32($"dimension count of tensor '{name}'");
            if (dimensionCount is 0 or > MaxDimensions)
            {
                throw Fail($"tensor '{name}' has {dimensionCount} dimensions; 1 to {MaxDimensions} are allowed");
            }

            var dims = ImmutableArray.CreateBuilder<long>((int)dimensionCount);
            long elements = 1;
            for (var d = 0; d < dimensionCount; d++)
            {
                var dim = ReadUInt64($"dimension {d} of tensor '{name}'");
                if (dim > long.MaxValue || (dim > 0 && elements > long.MaxValue / (long)dim))
                {
                    throw Fail($"tensor '{name}' has an absurd element count (dimension {d} is {dim})");
                }

                elements *= (long)dim;
                dims.Add((long)dim);
            }

            var typeId = ReadUInt32($"type of tensor '{name}'");
            if (!GgmlTypeTraits.TryGet(typeId, out var typeInfo))
            {
                throw Fail($"tensor '{name}' has unknown ggml type id {typeId}");
            }

            if (dims[0] % typeInfo.BlockSizeElements != 0)
            {
                throw Fail($"tensor '{name}' row length {dims[0]} is not a multiple of the "
                    + $"{typeInfo.Name} block size {typeInfo.BlockSizeElements}");
            }

            var offset = ReadUInt64($"offset of tensor '{name}'");
            if (offset > long.MaxValue)
            {
                throw Fail($"tensor '{name}' has an absurd offset {offset}");
            }

            tensors.Add(new GgufTensorInfo(name, dims.MoveToImmutable(), typeInfo.Type, (long)offset));
        }

        return tensors.ToImmutable();
    }

    private int ReadAlignment(GgufMetadata metadata)
    {
        if (!metadata.TryGetValue(GgufKeys.Alignment, out var value))
        {
            return GgufFile.DefaultAlignmentBytes;
        }

        if (value.Type != GgufValueType.UInt32)
        {
            throw Fail($"{GgufKeys.Alignment} is a {value.Type}, expected UInt32");
        }

        var alignment = (uint)value.Payload;
        if (alignment == 0 || (alignment & (alignment - 1)) != 0 || alignment > 1 << 20)
        {
            throw Fail($"{GgufKeys.Alignment} is {alignment}, expected a power of two");
        }

        return (int)alignment;
    }

    private GgufValue ReadValue(GgufValueType type, string key, int depth) => type switch
    {
        GgufValueType.UInt8 => GgufValue.UInt8(ReadBytes(1, key)[0]),
        GgufValueType.Int8 => GgufValue.Int8((sbyte)ReadBytes(1, key)[0]),
        GgufValueType.UInt16 => GgufValue.UInt16(BinaryPrimitives.ReadUInt16LittleEndian(ReadBytes(2, key))),
        GgufValueType.Int16 => GgufValue.Int16(BinaryPrimitives.ReadInt16LittleEndian(ReadBytes(2, key))),
        GgufValueType.UInt32 => GgufValue.UInt32(ReadUInt32(key)),
        GgufValueType.Int32 => GgufValue.Int32(BinaryPrimitives.ReadInt32LittleEndian(ReadBytes(4, key))),
        GgufValueType.UInt64 => GgufValue.UInt64(ReadUInt64(key)),
        GgufValueType.Int64 => GgufValue.Int64(BinaryPrimitives.ReadInt64LittleEndian(ReadBytes(8, key))),
        GgufValueType.Float32 => GgufValue.Float32(BinaryPrimitives.ReadSingleLittleEndian(ReadBytes(4, key))),
        GgufValueType.Float64 => GgufValue.Float64(BinaryPrimitives.ReadDoubleLittleEndian(ReadBytes(8, key))),
        GgufValueType.Bool => ReadBool(key),
        GgufValueType.String => GgufValue.String(ReadString(key)),
        GgufValueType.Array => ReadArray(key, depth),
        _ => throw Fail($"metadata '{key}' has unknown value type {(uint)type}"),
    };

    private GgufValue ReadBool(string key)
    {
        var b = ReadBytes(1, key)[0];
        return b <= 1 ? GgufValue.Bool(b == 1) : throw Fail($"metadata '{key}' has bool byte {b}, expected 0 or 1");
    }

    private GgufValue ReadArray(string key, int depth)
    {
        if (depth >= MaxArrayNesting)
        {
            throw Fail($"metadata '{key}' nests arrays more than {MaxArrayNesting} deep");
        }

        var elementType = ReadValueType($"element type of '{key}'");
        var minElementBytes = MinEncodedBytes(elementType);
        var count = ReadUInt64($"length of '{key}'");
        if (count > (ulong)(Remaining / minElementBytes) || count > int.MaxValue)
        {
            throw Fail($"truncated: metadata '{key}' claims {count} elements but only {Remaining} bytes remain");
        }

        var items = new GgufValue[(int)count];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = ReadValue(elementType, key, depth + 1);
        }

        return GgufValue.Array(elementType, items);
    }

    private static long MinEncodedBytes(GgufValueType type) => type switch
    {
        GgufValueType.UInt8 or GgufValueType.Int8 or GgufValueType.Bool => 1,
        GgufValueType.UInt16 or GgufValueType.Int16 => 2,
        GgufValueType.UInt32 or GgufValueType.Int32 or GgufValueType.Float32 => 4,
        GgufValueType.UInt64 or GgufValueType.Int64 or GgufValueType.Float64 or GgufValueType.String => 8,
        _ => 12, // array: element type + length
    };

    private GgufValueType ReadValueType(string what)
    {
        var raw = ReadUInt32(what);
        return raw <= (uint)GgufValueType.Float64 ? (GgufValueType)raw : throw Fail($"{what} is unknown value type {raw}");
    }

    private long ReadCount(string what, long minBytesEach)
    {
        var count = ReadUInt64(what);
        if (count > (ulong)(Remaining / minBytesEach))
        {
            throw Fail($"absurd {what} {count} for a file of {_length} bytes");
        }

        return (long)count;
    }

    private string ReadString(string what)
    {
        var byteCount = ReadUInt64($"length of {what}");
        if (byteCount > (ulong)Remaining)
        {
            throw Fail($"truncated: {what} claims {byteCount} bytes at byte {_position} but file has {_length} bytes");
        }

        return Encoding.UTF8.GetString(ReadBytes((int)byteCount, what));
    }

    private uint ReadUInt32(string what) => BinaryPrimitives.ReadUInt32LittleEndian(ReadBytes(4, what));

    private ulong ReadUInt64(string what) => BinaryPrimitives.ReadUInt64LittleEndian(ReadBytes(8, what));

    private ReadOnlySpan<byte> ReadBytes(int count, string what)
    {
        if (count > Remaining)
        {
            throw Fail($"truncated: header ends inside {what} at byte {_position} (file has {_length} bytes)");
        }

        var buffer = count <= _scratch.Length ? _scratch : new byte[count];
        _stream.ReadExactly(buffer, 0, count);
        _position += count;
        return buffer.AsSpan(0, count);
    }

    private static long AlignUp(long value, int alignment) => (value + alignment - 1) / alignment * alignment;

    private GgufFormatException Fail(string reason) => new(_path, reason);
}
