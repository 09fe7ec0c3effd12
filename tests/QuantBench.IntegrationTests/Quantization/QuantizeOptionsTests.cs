using QuantBench.Gguf;
using QuantBench.LlamaCpp;
using QuantBench.Models;
using QuantBench.Preparation;

namespace QuantBench.IntegrationTests.Quantization;

/// <summary>llama-quantize's options reach llama.cpp's quantizer (its C arrays and fields) and it makes what QuantBench planned.</summary>
public sealed class QuantizeOptionsTests(OddShapeModels models) : IClassFixture<OddShapeModels>
{
    private (QuantizedLevel Level, GgufFile File) Make(string preset, QuantizationType level, QuantizationOptions options)
    {
        string basePath = models.BasePath(preset);
        var plan = QuantizationPlanner.Plan(GgufReader.Read(basePath), level, options);
        Assert.True(plan.CanQuantize, plan.Failure);
        string folder = Directory.CreateTempSubdirectory("quantbench-options-").FullName;
        var made = new LadderBuilder(new LlamaCppQuantizer()).Make(basePath, folder, plan, options, threads: 2, reuseExisting: false, CancellationToken.None);
        var file = GgufReader.Read(made.Path);
        Directory.Delete(folder, recursive: true);
        return (made, file);
    }

    [Fact]
    public void Per_tensor_output_and_embedding_types_make_a_level_llama_cpp_refuses_without_them()
    {
        var options = new QuantizationOptions
        {
            TensorTypes = [TensorTypeOverride.Parse("ffn_down=f16"), TensorTypeOverride.Parse(@"blk\.0\.attn_q=q5_1")],
            OutputTensorType = GgmlType.F16,
            TokenEmbeddingType = GgmlType.Q4_0,
        };
        var (made, file) = Make("odd64", QuantizationType.Q8_0, options);

        Assert.Empty(made.Mismatches);
        Assert.Equal(GgmlType.F16, file.FindTensor("blk.3.ffn_down.weight")!.Type);
        Assert.Equal(GgmlType.Q5_1, file.FindTensor("blk.0.attn_q.weight")!.Type);
        Assert.Equal(GgmlType.Q8_0, file.FindTensor("blk.1.attn_q.weight")!.Type);
        Assert.Equal(GgmlType.F16, file.FindTensor("output.weight")!.Type);
        Assert.Equal(GgmlType.Q4_0, file.FindTensor("token_embd.weight")!.Type);
    }

    [Fact]
    public void Pure_keeps_every_weight_in_the_main_type_where_it_fits()
    {
        var (made, file) = Make("odd576", QuantizationType.Q4_K_M, new QuantizationOptions { Pure = true });

        Assert.Empty(made.Mismatches);
        Assert.Equal(GgmlType.Q4_K, file.FindTensor("blk.2.ffn_down.weight")!.Type); // no Q6_K layers
        Assert.Equal(GgmlType.Q5_0, file.FindTensor("output.weight")!.Type); // rows of 576: the fallback still applies
    }
}
