using System.Collections.Immutable;
using QuantBench.Gguf;

namespace QuantBench.Tests.Gguf;

public sealed class GgufRoundTripTests
{
    private static GgufMetadata EveryValueType(uint alignment) => new(
    [
        new("general.architecture", GgufValue.String("llama")),
        new("general.alignment", GgufValue.UInt32(alignment)),
        new("t.u8", GgufValue.UInt8(250)),
        new("t.i8", GgufValue.Int8(-120)),
        new("t.u16", GgufValue.UInt16(65000)),
        new("t.i16", GgufValue.Int16(-32000)),
        new("t.u32", GgufValue.UInt32(4_000_000_000)),
        new("t.i32", GgufValue.Int32(-2_000_000_000)),
        new("t.u64", GgufValue.UInt64(ulong.MaxValue - 5)),
        new("t.i64", GgufValue.Int64(long.MinValue + 7)),
        new("t.f32", GgufValue.Float32(-1.5e-5f)),
        new("t.f64", GgufValue.Float64(Math.PI)),
        new("t.bool", GgufValue.Bool(true)),
        new("t.string.unicode", GgufValue.String("▁héllo <0x0A> ✓")),
        new("t.string.empty", GgufValue.String("")),
        new("t.arr.str", GgufValue.StringArray(["<unk>", "▁the", ""])),
        new("t.arr.f32", GgufValue.Float32Array([0f, -990.5f, float.MaxValue])),
        new("t.arr.i32", GgufValue.Int32Array([1, 2, 3, 6])),
        new("t.arr.u8", GgufValue.Array(GgufValueType.UInt8, [GgufValue.UInt8(1), GgufValue.UInt8(2)])),
        new("t.arr.bool", GgufValue.Array(GgufValueType.Bool, [GgufValue.Bool(false), GgufValue.Bool(true)])),
        new("t.arr.empty", GgufValue.Array(GgufValueType.Float64, [])),
        new("t.arr.nested", GgufValue.Array(GgufValueType.Array,
            [GgufValue.Int32Array([7, 8]), GgufValue.Int32Array([])])),
    ]);

    private static GgufTensorSource Tensor(string name, GgmlType type, params long[] dims)
    {
        var bytes = GgmlTypeTraits.Get(type).ByteSizeOf(dims.Aggregate(1L, (a, d) => a * d));
        return new GgufTensorSource(name, [.. dims], type, (stream, _) => stream.Write(Pattern(name, bytes)));
    }

    // Bytes that differ per tensor, so a tensor written at the wrong offset is caught.
    private static byte[] Pattern(string name, long length)
    {
        var seed = name.Length * 31 + name[^1];
        return Enumerable.Range(0, (int)length).Select(i => (byte)(i * 7 + seed)).ToArray();
    }

    private static readonly GgufTensorSource[] MixedTensors =
    [
        Tensor("token_embd.weight", GgmlType.F32, 256, 3),
        Tensor("blk.0.attn_q.weight", GgmlType.Q4_0, 64, 2),
        Tensor("blk.0.ffn_up.weight", GgmlType.Q4_K, 256),
        Tensor("blk.0.odd", GgmlType.F16, 3, 1, 5, 2),
        Tensor("output.weight", GgmlType.Q6_K, 512, 1),
    ];

    [Fact]
    public void Every_metadata_value_type_reads_back_equal_and_in_order()
    {
        using var dir = new TempDir();
        var path = dir.File("all.gguf");
        var metadata = EveryValueType(64);
        GgufWriter.Write(path, metadata, MixedTensors);

        var file = GgufReader.Read(path);

        Assert.Equal(metadata.Select(e => e.Key), file.Metadata.Select(e => e.Key));
        foreach (var entry in metadata)
        {
            Assert.Equal(entry.Value, file.Metadata[entry.Key]);
        }

        Assert.Equal(ulong.MaxValue - 5, (ulong)file.Metadata["t.u64"].Payload);
        Assert.Equal(["<unk>", "▁the", ""], file.Metadata["t.arr.str"].AsArray().Select(v => v.AsString()));
        Assert.Equal(GgufValueType.Int32, file.Metadata["t.arr.nested"].AsArray()[0].ElementType);
    }

    [Fact]
    public void Header_fields_and_tensor_infos_read_back_with_aligned_offsets()
    {
        using var dir = new TempDir();
        var path = dir.File("layout.gguf");
        GgufWriter.Write(path, EveryValueType(64), MixedTensors);

        var file = GgufReader.Read(path);

        Assert.Equal(3u, file.Version);
        Assert.Equal(64, file.AlignmentBytes);
        Assert.Equal(0, file.DataOffsetBytes % 64);
        Assert.Equal(new FileInfo(path).Length, file.FileLengthBytes);
        Assert.Equal(MixedTensors.Select(t => t.Name), file.Tensors.Select(t => t.Name));
        Assert.Equal(MixedTensors.Select(t => t.Type), file.Tensors.Select(t => t.Type));
        for (var i = 0; i < MixedTensors.Length; i++)
        {
            Assert.Equal(MixedTensors[i].Dimensions.AsEnumerable(), file.Tensors[i].Dimensions);
        }

        // 256*3*4 = 3072; Q4_0 64x2 = 4 blocks * 18 = 72 -> padded to 128; Q4_K = 144 -> 192; F16 30 elems = 60 -> 64.
        Assert.Equal([0L, 3072, 3072 + 128, 3072 + 128 + 192, 3072 + 128 + 192 + 64], file.Tensors.Select(t => t.OffsetBytes));
    }

    [Fact]
    public void Tensor_data_lands_at_the_offsets_in_the_header()
    {
        using var dir = new TempDir();
        var path = dir.File("data.gguf");
        GgufWriter.Write(path, EveryValueType(32), MixedTensors);

        var file = GgufReader.Read(path);
        var bytes = File.ReadAllBytes(path);

        foreach (var tensor in file.Tensors)
        {
            var start = (int)(file.DataOffsetBytes + tensor.OffsetBytes);
            Assert.Equal(Pattern(tensor.Name, tensor.ByteSize), bytes.AsSpan(start, (int)tensor.ByteSize).ToArray());
        }

        // Like llama.cpp's writer, the last tensor is padded to the alignment too.
        var last = file.Tensors[^1];
        var end = file.DataOffsetBytes + last.OffsetBytes + last.ByteSize;
        Assert.Equal((end + 31) / 32 * 32, bytes.Length);
    }

    [Fact]
    public void Alignment_defaults_to_32_without_the_alignment_key()
    {
        using var dir = new TempDir();
        var path = dir.File("default.gguf");
        GgufWriter.Write(path, new GgufMetadata([new("general.name", GgufValue.String("x"))]), MixedTensors);

        var file = GgufReader.Read(path);

        Assert.Equal(32, file.AlignmentBytes);
        Assert.Equal(0, file.DataOffsetBytes % 32);
        Assert.Equal(3072 + 96, file.Tensors[2].OffsetBytes); // Q4_0's 72 bytes pad to 96 at alignment 32
    }

    [Fact]
    public void A_callback_writing_too_few_bytes_fails_and_leaves_no_file()
    {
        using var dir = new TempDir();
        var path = dir.File("short.gguf");
        var shortTensor = new GgufTensorSource("t", [256], GgmlType.F32, (s, _) => s.Write(new byte[1000]));

        var error = Assert.Throws<InvalidOperationException>(() => GgufWriter.Write(path, GgufMetadata.Empty, [shortTensor]));

        Assert.Contains("wrote 1000 bytes, expected 1024", error.Message);
        Assert.Empty(Directory.GetFiles(dir.Path));
    }

    [Fact]
    public void A_callback_writing_too_many_bytes_fails()
    {
        using var dir = new TempDir();
        var longTensor = new GgufTensorSource("t", [32], GgmlType.Q8_0, (s, _) => s.Write(new byte[35]));

        var error = Assert.Throws<InvalidOperationException>(
            () => GgufWriter.Write(dir.File("long.gguf"), GgufMetadata.Empty, [longTensor]));

        Assert.Contains("more than the tensor's 34 bytes", error.Message);
    }

    [Fact]
    public void Writer_rejects_a_row_length_that_is_not_whole_blocks()
    {
        using var dir = new TempDir();
        var bad = new GgufTensorSource("blk.0.ffn_down.weight", [100, 4], GgmlType.Q4_K, (_, _) => { });

        var error = Assert.Throws<ArgumentException>(
            () => GgufWriter.Write(dir.File("bad.gguf"), GgufMetadata.Empty, [bad]));

        Assert.Contains("row length 100 is not a multiple of the Q4_K block size 256", error.Message);
    }

    [Fact]
    public void Writer_rejects_duplicate_tensor_names()
    {
        using var dir = new TempDir();
        var t = Tensor("same", GgmlType.F32, 4);

        var error = Assert.Throws<ArgumentException>(
            () => GgufWriter.Write(dir.File("dup.gguf"), GgufMetadata.Empty, [t, t]));

        Assert.Contains("duplicate tensor name 'same'", error.Message);
    }

    [Fact]
    public void Metadata_rejects_duplicate_keys()
    {
        var error = Assert.Throws<ArgumentException>(() => new GgufMetadata(
            [new("k", GgufValue.Bool(true)), new("k", GgufValue.Bool(false))]));

        Assert.Contains("duplicate metadata key 'k'", error.Message);
    }

    [Fact]
    public void Array_values_compare_by_content()
    {
        Assert.Equal(GgufValue.Int32Array([1, 2]), GgufValue.Int32Array([1, 2]));
        Assert.NotEqual(GgufValue.Int32Array([1, 2]), GgufValue.Int32Array([1, 3]));
        Assert.NotEqual(GgufValue.Int32(1), GgufValue.UInt32(1));
    }

    [Fact]
    public void Array_rejects_elements_of_another_type()
    {
        Assert.Throws<ArgumentException>(
            () => GgufValue.Array(GgufValueType.Int32, [GgufValue.Int32(1), GgufValue.Int64(2)]));
    }

    [Fact]
    public void Progress_ends_at_one()
    {
        using var dir = new TempDir();
        var reports = new List<double>();

        GgufWriter.Write(dir.File("p.gguf"), GgufMetadata.Empty, MixedTensors, new SyncProgress(reports.Add));

        Assert.Equal(1.0, reports[^1]);
        Assert.True(reports.SequenceEqual(reports.Order()), "progress must not go backwards");
    }
}
