using System.Runtime.InteropServices;
using QuantBench.Gguf;

namespace QuantBench.Synthetic;

/// <summary>
/// Writes a random-weight llama-architecture model as an F32 GGUF file, laid out like llama.cpp's own
/// files (same keys, tensor names, shapes and order as the reference model ref-tiny-f32), ready for
/// llama.cpp to quantize. The same preset and seed always give a byte-identical file.
/// </summary>
public static class SyntheticModelGenerator
{
    /// <summary>Bumped whenever the same preset and seed would give different bytes; part of the model cache key.</summary>
    public const int FormatVersion = 1;

    private const int ChunkElements = 1 << 16;
    private const float EmbeddingStd = 0.02f;

    /// <summary>The <c>general.name</c> written into the file.</summary>
    public static string ModelName(SyntheticModelPreset preset, ulong seed) =>
        $"QuantBench synthetic {preset.Name} (seed {seed}, random weights)";

    /// <exception cref="ArgumentException">The preset's shape is invalid; the message lists every problem.</exception>
    public static void Write(
        SyntheticModelPreset preset,
        ulong seed,
        string path,
        IProgress<double>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(preset);
        var problems = preset.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException($"invalid synthetic model preset '{preset.Name}': {string.Join("; ", problems)}",
                nameof(preset));
        }

        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("GGUF tensor data is written little-endian");
        }

        var layout = SyntheticTensor.LlamaLayout(preset);
        var sources = layout
            .Select((tensor, index) => new GgufTensorSource(
                tensor.Name,
                tensor.Dimensions,
                GgmlType.F32,
                (stream, ct) => WriteValues(tensor, TensorSeed(seed, index), stream, ct)))
            .ToArray();
        GgufWriter.Write(path, BuildMetadata(preset, seed), sources, progress, cancellationToken);
    }

    internal static GgufMetadata BuildMetadata(SyntheticModelPreset p, ulong seed)
    {
        const string arch = "llama";
        var vocabulary = SyntheticVocabulary.Build(p.VocabularySize);
        GgufMetadataEntry U32(string suffix, int value) => new($"{arch}.{suffix}", GgufValue.UInt32((uint)value));

        return new GgufMetadata(
        [
            new(GgufKeys.Architecture, GgufValue.String(arch)),
            new(GgufKeys.Name, GgufValue.String(ModelName(p, seed))),
            new(GgufKeys.Alignment, GgufValue.UInt32(GgufFile.DefaultAlignmentBytes)),
            new(GgufKeys.FileType, GgufValue.UInt32(0)), // LLAMA_FTYPE_ALL_F32
            U32("context_length", p.ContextLength),
            U32("embedding_length", p.EmbeddingLength),
            U32("block_count", p.BlockCount),
            U32("feed_forward_length", p.FeedForwardLength),
            U32("attention.head_count", p.HeadCount),
            U32("attention.head_count_kv", p.HeadCountKv),
            U32("rope.dimension_count", p.HeadDimension),
            new($"{arch}.rope.freq_base", GgufValue.Float32(10000f)),
            new($"{arch}.attention.layer_norm_rms_epsilon", GgufValue.Float32(1e-5f)),
            U32("vocab_size", p.VocabularySize),
            new(GgufKeys.TokenizerModel, GgufValue.String("llama")),
            new(GgufKeys.Tokens, GgufValue.StringArray(vocabulary.Tokens)),
            new(GgufKeys.Scores, GgufValue.Float32Array(vocabulary.Scores)),
            new(GgufKeys.TokenTypes, GgufValue.Int32Array(vocabulary.TokenTypes)),
            new("tokenizer.ggml.unknown_token_id", GgufValue.UInt32(SyntheticVocabulary.UnknownId)),
            new("tokenizer.ggml.bos_token_id", GgufValue.UInt32(SyntheticVocabulary.BosId)),
            new("tokenizer.ggml.eos_token_id", GgufValue.UInt32(SyntheticVocabulary.EosId)),
            new("tokenizer.ggml.add_bos_token", GgufValue.Bool(true)),
            new("tokenizer.ggml.add_eos_token", GgufValue.Bool(false)),
        ]);
    }

    // Each tensor gets its own stream of random numbers, so its values do not depend on the others
    // (tensors could be generated in parallel, and a layout change does not reshuffle every weight).
    private static ulong TensorSeed(ulong seed, int index)
    {
        var state = seed ^ ((ulong)(index + 1) * 0xD1B54A32D192ED03UL);
        return Xoshiro256StarStar.SplitMix64(ref state);
    }

    private static void WriteValues(SyntheticTensor tensor, ulong seed, Stream stream, CancellationToken ct)
    {
        var rng = new Xoshiro256StarStar(seed);
        var std = tensor.Kind switch
        {
            SyntheticTensorKind.Embedding => EmbeddingStd,
            SyntheticTensorKind.Projection => (float)(1.0 / Math.Sqrt(tensor.Dimensions[0])),
            _ => 0f,
        };
        var buffer = new float[(int)Math.Min(ChunkElements, tensor.ElementCount)];
        for (var remaining = tensor.ElementCount; remaining > 0;)
        {
            ct.ThrowIfCancellationRequested();
            var chunk = buffer.AsSpan(0, (int)Math.Min(buffer.Length, remaining));
            if (tensor.Kind == SyntheticTensorKind.Norm)
            {
                chunk.Fill(1f);
            }
            else
            {
                for (var i = 0; i < chunk.Length; i++)
                {
                    chunk[i] = rng.NextNormal() * std;
                }
            }

            stream.Write(MemoryMarshal.AsBytes(chunk));
            remaining -= chunk.Length;
        }
    }
}
