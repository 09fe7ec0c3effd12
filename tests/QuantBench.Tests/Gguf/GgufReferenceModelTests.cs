using System.Text.Json;
using QuantBench.Gguf;
using QuantBench.Synthetic;
using QuantBench.Testing;

namespace QuantBench.Tests.Gguf;

/// <summary>The reader and summary agree with llama-bench on the reference models (made at test time, pinned by SHA-256).</summary>
public sealed class GgufReferenceModelTests
{
    // file_type is the llama_ftype that llama-quantize records (llama.h: LLAMA_FTYPE_MOSTLY_Q8_0 = 7, ...).
    public static TheoryData<string, int> Models => new()
    {
        { "tiny-F32.gguf", 0 },
        { "tiny-Q8_0.gguf", 7 },
        { "tiny-Q6_K.gguf", 18 },
        { "tiny-Q4_K_M.gguf", 15 },
        { "tiny-Q4_0.gguf", 2 },
        { "tiny-Q2_K.gguf", 10 },
    };

    [SkippableTheory]
    [MemberData(nameof(Models))]
    public void Summary_matches_llama_benchs_params_and_size(string fileName, int fileType)
    {
        ReferenceModels.SkipUnlessPinned();
        var path = ReferenceModels.Path(fileName);
        var (modelSizeBytes, parameters) = LlamaBench(fileName);

        var summary = GgufModelSummary.From(GgufReader.Read(path));

        Assert.Equal(parameters, summary.ParameterCount);
        Assert.Equal(SyntheticModelPresets.Tiny.ParameterCount, summary.ParameterCount);
        Assert.Equal(modelSizeBytes, summary.TensorDataBytes);
        Assert.Equal(new FileInfo(path).Length, summary.FileBytes);
        Assert.Equal(8.0 * modelSizeBytes / parameters, summary.BitsPerWeight, 12);
        Assert.Equal(fileType, summary.FileType);
        Assert.Equal(modelSizeBytes, summary.TypeMix.Sum(s => s.Bytes));
        Assert.Equal(39, summary.TypeMix.Sum(s => s.TensorCount));
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Header_describes_the_tiny_llama_shape(string fileName, int fileType)
    {
        var file = GgufReader.Read(ReferenceModels.Path(fileName));
        var summary = GgufModelSummary.From(file);

        Assert.Equal(fileType, summary.FileType);
        Assert.Equal(3u, file.Version);
        Assert.Equal(32, file.AlignmentBytes);
        Assert.Equal("llama", summary.Architecture);
        Assert.Equal(2048, summary.ContextLength);
        Assert.Equal(256, summary.EmbeddingLength);
        Assert.Equal(4, summary.BlockCount);
        Assert.Equal(8, summary.HeadCount);
        Assert.Equal(4, summary.HeadCountKv);
        Assert.Equal(768, summary.FeedForwardLength);
        Assert.Equal(1000, summary.VocabularySize);
        Assert.Equal([256L, 1000], file.FindTensor("token_embd.weight")!.Dimensions.AsEnumerable());
        Assert.Equal([256L, 128], file.FindTensor("blk.3.attn_k.weight")!.Dimensions.AsEnumerable());
    }

    [Fact]
    public void F32_model_is_all_f32_at_32_bits_per_weight()
    {
        var summary = GgufModelSummary.From(GgufReader.Read(ReferenceModels.Path("tiny-F32.gguf")));

        var share = Assert.Single(summary.TypeMix);
        Assert.Equal(GgmlType.F32, share.Type);
        Assert.Equal(32.0, summary.BitsPerWeight);
        Assert.Equal(SyntheticModelGenerator.ModelName(SyntheticModelPresets.Tiny, (ulong)ReferenceData.Fixture.Seed), summary.Name);
    }

    [Fact]
    public void Q4_K_M_mixes_q4_k_and_q6_k_weights_with_f32_norms()
    {
        var summary = GgufModelSummary.From(GgufReader.Read(ReferenceModels.Path("tiny-Q4_K_M.gguf")));
        var types = summary.TypeMix.Select(s => s.Type).ToHashSet();

        Assert.Contains(GgmlType.Q4_K, types);
        Assert.Contains(GgmlType.Q6_K, types);
        Assert.Contains(GgmlType.F32, types);
        Assert.Equal(9, summary.TypeMix.Single(s => s.Type == GgmlType.F32).TensorCount); // 2 norms x 4 blocks + output_norm
    }

    /// <summary>model_size and model_n_params as llama-bench printed them for the file.</summary>
    private static (long ModelSizeBytes, long Parameters) LlamaBench(string fileName)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(ReferenceData.LlamaCppOutput("llama-bench-tiny.json")));
        var record = json.RootElement.EnumerateArray().First(r => r.GetProperty("model_filename").GetString() == fileName);
        return (record.GetProperty("model_size").GetInt64(), record.GetProperty("model_n_params").GetInt64());
    }
}
