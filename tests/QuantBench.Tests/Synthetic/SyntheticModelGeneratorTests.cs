using System.Security.Cryptography;
using System.Text.Json;
using QuantBench.Gguf;
using QuantBench.Synthetic;
using QuantBench.Testing;
using QuantBench.Tests.Gguf;

namespace QuantBench.Tests.Synthetic;

public sealed class SyntheticModelGeneratorTests
{
    private static string WriteTiny(TempDir dir, ulong seed, string name = "tiny.gguf")
    {
        var path = dir.File(name);
        SyntheticModelGenerator.Write(SyntheticModelPresets.Tiny, seed, path);
        return path;
    }

    private static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexString(SHA256.HashData(stream));
    }

    // ref-tiny-f32.layout.json lists an independent llama-architecture model of the same shape (made outside
    // QuantBench and loaded by llama.cpp's tools), as tools/gguf-layout.py printed it: synth must write its layout.
    private static JsonElement ReferenceLayout()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(ReferenceData.Reference("ref-tiny-f32.layout.json")));
        return json.RootElement.Clone();
    }

    [Fact]
    public void Tiny_has_the_reference_models_tensors_and_parameter_count()
    {
        using var dir = new TempDir();
        var file = GgufReader.Read(WriteTiny(dir, 42));
        var reference = ReferenceLayout();

        Assert.Equal(3_660_032, GgufModelSummary.From(file).ParameterCount);
        Assert.Equal(SyntheticModelPresets.Tiny.ParameterCount, GgufModelSummary.From(file).ParameterCount);
        Assert.Equal(
            reference.GetProperty("tensors").EnumerateArray().Select(t => (t.GetProperty("name").GetString()!, t.GetProperty("type").GetString()!,
                t.GetProperty("offset").GetInt64(), string.Join('x', t.GetProperty("dimensions").EnumerateArray().Select(d => d.GetInt64())))),
            file.Tensors.Select(t => (t.Name, t.Type.ToString(), t.OffsetBytes, string.Join('x', t.Dimensions))));
        Assert.Equal(reference.GetProperty("file_bytes").GetInt64() - reference.GetProperty("data_offset").GetInt64(),
            file.FileLengthBytes - file.DataOffsetBytes);
    }

    [Fact]
    public void Tiny_mirrors_the_reference_metadata_keys_types_and_hyperparameters()
    {
        using var dir = new TempDir();
        var file = GgufReader.Read(WriteTiny(dir, 42));
        var reference = ReferenceLayout().GetProperty("metadata").EnumerateArray().ToArray();
        string[] ownValues = [GgufKeys.Name, GgufKeys.Tokens, GgufKeys.Scores, GgufKeys.TokenTypes];

        Assert.Equal(
            reference.Select(e => (e.GetProperty("key").GetString()!, e.GetProperty("type").GetString()!,
                e.TryGetProperty("element_type", out var element) ? element.GetString() : null)),
            file.Metadata.Select(e => (e.Key, e.Value.Type.ToString(), e.Value.ElementType?.ToString())));
        foreach (var entry in reference.Where(e => !ownValues.Contains(e.GetProperty("key").GetString())))
        {
            var ours = file.Metadata[entry.GetProperty("key").GetString()!];
            if (entry.TryGetProperty("value", out var value))
            {
                switch (value.ValueKind)
                {
                    case JsonValueKind.String:
                        Assert.Equal(value.GetString(), ours.AsString());
                        break;
                    case JsonValueKind.True or JsonValueKind.False:
                        Assert.Equal(value.GetBoolean(), Assert.IsType<bool>(ours.Payload));
                        break;
                    default:
                        Assert.Equal(value.GetDouble(), Convert.ToDouble(ours.Payload, System.Globalization.CultureInfo.InvariantCulture));
                        break;
                }
            }
            else
            {
                Assert.Equal(entry.GetProperty("length").GetInt32(), ours.AsArray().Length);
            }
        }

        Assert.Equal("QuantBench synthetic tiny (seed 42, random weights)", file.Metadata[GgufKeys.Name].AsString());
        Assert.Equal(1000, file.Metadata[GgufKeys.Tokens].AsArray().Length);
        Assert.Equal(1000, file.Metadata[GgufKeys.Scores].AsArray().Length);
    }

    [Fact]
    public void Same_seed_gives_byte_identical_files()
    {
        using var dir = new TempDir();

        Assert.Equal(Sha256(WriteTiny(dir, 42, "a.gguf")), Sha256(WriteTiny(dir, 42, "b.gguf")));
    }

    [Fact]
    public void Another_seed_gives_other_weights()
    {
        using var dir = new TempDir();

        Assert.NotEqual(Sha256(WriteTiny(dir, 42, "a.gguf")), Sha256(WriteTiny(dir, 43, "b.gguf")));
    }

    [Fact]
    public void Weights_are_scaled_by_fan_in_and_norms_are_one()
    {
        using var dir = new TempDir();
        var path = WriteTiny(dir, 7);
        var file = GgufReader.Read(path);

        var q = ReadFloats(path, file, "blk.0.attn_q.weight");
        var down = ReadFloats(path, file, "blk.0.ffn_down.weight");
        var embd = ReadFloats(path, file, "token_embd.weight");

        Assert.InRange(Std(q), 0.95 / 16, 1.05 / 16); // fan-in 256
        Assert.InRange(Std(down), 0.95 / Math.Sqrt(768), 1.05 / Math.Sqrt(768));
        Assert.InRange(Std(embd), 0.019, 0.021);
        Assert.InRange(q.Average(), -0.002, 0.002);
        Assert.All(ReadFloats(path, file, "blk.3.ffn_norm.weight"), v => Assert.Equal(1f, v));
        Assert.All(embd, v => Assert.True(float.IsFinite(v)));
    }

    [Fact]
    public void Cancelling_leaves_no_file()
    {
        using var dir = new TempDir();
        var path = dir.File("cancelled.gguf");
        using var cts = new CancellationTokenSource();
        var progress = new SyncProgress(p =>
        {
            if (p > 0.3)
            {
                cts.Cancel();
            }
        });

        Assert.ThrowsAny<OperationCanceledException>(
            () => SyntheticModelGenerator.Write(SyntheticModelPresets.Tiny, 1, path, progress, cts.Token));
        Assert.Empty(Directory.GetFiles(dir.Path));
    }

    [Fact]
    public void An_invalid_shape_is_rejected_with_every_problem()
    {
        using var dir = new TempDir();
        var bad = SyntheticModelPresets.Tiny with { EmbeddingLength = 200, FeedForwardLength = 700 };

        var error = Assert.Throws<ArgumentException>(() => SyntheticModelGenerator.Write(bad, 1, dir.File("x.gguf")));

        Assert.Contains("embedding length 200 must be a positive multiple of 256", error.Message);
        Assert.Contains("feed-forward length 700 must be a positive multiple of 256", error.Message);
    }

    private static float[] ReadFloats(string path, GgufFile file, string tensorName)
    {
        var tensor = file.FindTensor(tensorName)!;
        var bytes = new byte[tensor.ByteSize];
        using var stream = File.OpenRead(path);
        stream.Position = file.DataOffsetBytes + tensor.OffsetBytes;
        stream.ReadExactly(bytes);
        return System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(bytes).ToArray();
    }

    private static double Std(float[] values)
    {
        var mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / values.Length);
    }
}
