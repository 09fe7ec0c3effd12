using QuantBench.Gguf;

namespace QuantBench.Tests.Gguf;

/// <summary>The reader and summary agree with llama-bench on the reference models made by llama.cpp.</summary>
public sealed class GgufReferenceModelTests
{
    // model_size from llama-bench-ref-tiny.json; file_type is the llama_ftype llama-quantize recorded.
    public static TheoryData<string, long, int> Models => new()
    {
        { "ref-tiny-f32.gguf", 14_640_128, 0 },
        { "ref-tiny-Q8_0.gguf", 3_895_552, 7 },
        { "ref-tiny-Q6_K.gguf", 3_009_696, 18 },
        { "ref-tiny-Q4_K_M.gguf", 2_250_960, 15 },
        { "ref-tiny-Q4_0.gguf", 2_132_688, 2 },
        { "ref-tiny-Q2_K.gguf", 1_455_216, 10 },
    };

    [Theory]
    [MemberData(nameof(Models))]
    public void Summary_matches_llama_bench_params_and_size(string fileName, long modelSizeBytes, int fileType)
    {
        var path = TestData.ReferenceModel(fileName);

        var summary = GgufModelSummary.From(GgufReader.Read(path));

        Assert.Equal(3_660_032, summary.ParameterCount);
        Assert.Equal(modelSizeBytes, summary.TensorDataBytes);
        Assert.Equal(new FileInfo(path).Length, summary.FileBytes);
        Assert.Equal(8.0 * modelSizeBytes / 3_660_032, summary.BitsPerWeight, 12);
        Assert.Equal(fileType, summary.FileType);
        Assert.Equal(modelSizeBytes, summary.TypeMix.Sum(s => s.Bytes));
        Assert.Equal(39, summary.TypeMix.Sum(s => s.TensorCount));
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Header_describes_the_tiny_llama_shape(string fileName, long modelSizeBytes, int fileType)
    {
        _ = (modelSizeBytes, fileType);
        var file = GgufReader.Read(TestData.ReferenceModel(fileName));
        var summary = GgufModelSummary.From(file);

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
        var summary = GgufModelSummary.From(GgufReader.Read(TestData.ReferenceModel("ref-tiny-f32.gguf")));

        var share = Assert.Single(summary.TypeMix);
        Assert.Equal(GgmlType.F32, share.Type);
        Assert.Equal(32.0, summary.BitsPerWeight);
        Assert.Equal("tiny-random-llama", summary.Name);
    }

    [Fact]
    public void Q4_K_M_mixes_q4_k_and_q6_k_weights_with_f32_norms()
    {
        var summary = GgufModelSummary.From(GgufReader.Read(TestData.ReferenceModel("ref-tiny-Q4_K_M.gguf")));
        var types = summary.TypeMix.Select(s => s.Type).ToHashSet();

        Assert.Contains(GgmlType.Q4_K, types);
        Assert.Contains(GgmlType.Q6_K, types);
        Assert.Contains(GgmlType.F32, types);
        Assert.Equal(9, summary.TypeMix.Single(s => s.Type == GgmlType.F32).TensorCount); // 2 norms x 4 blocks + output_norm
    }
}
