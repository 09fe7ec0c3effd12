using System.Buffers.Binary;
using QuantBench.Gguf;
using QuantBench.Testing;

namespace QuantBench.Tests.Gguf;

public sealed class GgufReaderErrorTests
{
    private static string CopyReference(TempDir dir, string name = "tiny-F32.gguf")
    {
        var copy = dir.File(name);
        File.Copy(ReferenceModels.Path(name), copy);
        return copy;
    }

    private static void Patch(string path, long offset, ReadOnlySpan<byte> bytes)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Write);
        stream.Position = offset;
        stream.Write(bytes);
    }

    private static byte[] UInt64Bytes(ulong value)
    {
        var bytes = new byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, value);
        return bytes;
    }

    private static GgufFormatException ReadFails(string path)
    {
        var error = Assert.Throws<GgufFormatException>(() => GgufReader.Read(path));
        Assert.Equal(path, error.Path);
        Assert.StartsWith(path + ": ", error.Message);
        return error;
    }

    [Fact]
    public void A_text_file_is_not_gguf()
    {
        using var dir = new TempDir();
        var path = dir.File("model.gguf");
        File.WriteAllText(path, "hello, this is not a model");

        var error = ReadFails(path);

        Assert.StartsWith("not a GGUF file (magic 0x6C6C6568", error.Reason);
    }

    [Fact]
    public void An_empty_file_is_not_gguf()
    {
        using var dir = new TempDir();
        var path = dir.File("empty.gguf");
        File.WriteAllBytes(path, []);

        Assert.Equal("not a GGUF file (only 0 bytes)", ReadFails(path).Reason);
    }

    [Fact]
    public void A_file_cut_inside_the_tensor_data_names_the_first_incomplete_tensor()
    {
        using var dir = new TempDir();
        var path = CopyReference(dir);
        var intact = GgufReader.Read(path);
        const long cut = 10_000_000;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Write))
        {
            stream.SetLength(cut);
        }

        var firstCut = intact.Tensors.First(t => intact.DataOffsetBytes + t.OffsetBytes + t.ByteSize > cut);
        var end = intact.DataOffsetBytes + firstCut.OffsetBytes + firstCut.ByteSize;

        var error = ReadFails(path);

        Assert.Equal($"truncated: tensor '{firstCut.Name}' ends at byte {end} but file has {cut} bytes", error.Reason);
    }

    [Fact]
    public void A_file_cut_by_one_byte_is_truncated()
    {
        using var dir = new TempDir();
        var path = CopyReference(dir, "tiny-Q4_K_M.gguf");
        var length = new FileInfo(path).Length;
        var last = GgufReader.Read(path).Tensors[^1]; // llama-quantize sorts tensors: this is blk.3.ffn_up.weight
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Write))
        {
            stream.SetLength(length - 1);
        }

        Assert.Equal($"truncated: tensor '{last.Name}' ends at byte {length} but file has {length - 1} bytes",
            ReadFails(path).Reason);
    }

    [Fact]
    public void A_file_cut_inside_the_header_is_truncated()
    {
        using var dir = new TempDir();
        var path = CopyReference(dir);
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Write))
        {
            stream.SetLength(5000); // inside the token list
        }

        Assert.StartsWith("truncated:", ReadFails(path).Reason);
    }

    [Theory]
    [InlineData(1u, "unsupported GGUF version 1; versions 2 and 3 are supported")]
    [InlineData(4u, "unsupported GGUF version 4; versions 2 and 3 are supported")]
    [InlineData(0x03000000u, "unsupported GGUF version 50331648 (big-endian file?); versions 2 and 3 are supported")]
    public void Unsupported_versions_are_rejected(uint version, string reason)
    {
        using var dir = new TempDir();
        var path = CopyReference(dir);
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, version);
        Patch(path, 4, bytes);

        Assert.Equal(reason, ReadFails(path).Reason);
    }

    [Fact]
    public void Version_2_files_are_read()
    {
        using var dir = new TempDir();
        var path = CopyReference(dir);
        Patch(path, 4, [2, 0, 0, 0]);

        Assert.Equal(2u, GgufReader.Read(path).Version);
    }

    [Theory]
    [InlineData(8, "absurd tensor count")]
    [InlineData(16, "absurd metadata count")]
    public void Absurd_counts_are_rejected_before_allocating(long offset, string reason)
    {
        using var dir = new TempDir();
        var path = CopyReference(dir);
        Patch(path, offset, UInt64Bytes(1UL << 40));

        Assert.StartsWith($"{reason} 1099511627776 for a file of 14664256 bytes", ReadFails(path).Reason);
    }

    [Fact]
    public void An_absurd_string_length_is_truncation()
    {
        using var dir = new TempDir();
        var path = CopyReference(dir);
        Patch(path, 24, UInt64Bytes(ulong.MaxValue / 2)); // length of the first key

        Assert.StartsWith("truncated: key of metadata entry 0 claims", ReadFails(path).Reason);
    }

    [Fact]
    public void An_unknown_tensor_type_is_rejected()
    {
        using var dir = new TempDir();
        var path = dir.File("t.gguf");
        GgufWriter.Write(path, GgufMetadata.Empty,
            [new GgufTensorSource("w", [32], GgmlType.F32, (s, _) => s.Write(new byte[128]))]);
        // header 24 + name (8 + 1) + n_dims 4 + dim 8 = 45: the type id follows.
        Patch(path, 45, [4, 0, 0, 0]);

        Assert.Equal("tensor 'w' has unknown ggml type id 4", ReadFails(path).Reason);
    }

    [Fact]
    public void A_misplaced_tensor_offset_is_rejected()
    {
        using var dir = new TempDir();
        var path = dir.File("t.gguf");
        GgufWriter.Write(path, GgufMetadata.Empty,
            [new GgufTensorSource("w", [32], GgmlType.F32, (s, _) => s.Write(new byte[128]))]);
        Patch(path, 49, UInt64Bytes(64)); // offset field after the type id

        Assert.Equal("tensor 'w' has offset 64, expected 0 (tensors must be stored in header order without gaps)",
            ReadFails(path).Reason);
    }
}
