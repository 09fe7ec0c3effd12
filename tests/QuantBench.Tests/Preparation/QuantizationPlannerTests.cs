using QuantBench.Gguf;
using QuantBench.Models;
using QuantBench.Preparation;

namespace QuantBench.Tests.Preparation;

public sealed class QuantizationPlannerTests
{
    private static GgufFile Model(params GgufTensorInfo[] tensors) =>
        new("/m/base.gguf", 3, 32, GgufMetadata.Empty, [.. tensors], 0, 0);

    private static GgufTensorInfo Tensor(string name, GgmlType type, params long[] dims) => new(name, [.. dims], type, 0);

    [Fact]
    public void A_row_length_that_is_not_a_multiple_of_the_block_names_the_tensor_and_offers_the_fallback()
    {
        var file = Model(Tensor("blk.0.ffn_down.weight", GgmlType.F32, 1056, 256), Tensor("blk.0.attn_norm.weight", GgmlType.F32, 1056));
        var problems = QuantizationPlanner.Check(file, QuantizationType.Q4_K_M);

        string problem = Assert.Single(problems);
        Assert.Contains("'blk.0.ffn_down.weight'", problem);
        Assert.Contains("1056", problem);
        Assert.Contains("256", problem);
        Assert.Contains("use q4_0", problem);
    }

    [Fact]
    public void Rows_that_fit_the_legacy_block_but_not_the_k_quant_block_pass_for_the_legacy_type()
    {
        var file = Model(Tensor("blk.0.ffn_down.weight", GgmlType.F32, 1024 + 32, 256));
        Assert.NotEmpty(QuantizationPlanner.Check(file, QuantizationType.Q6_K));
        Assert.Empty(QuantizationPlanner.Check(file, QuantizationType.Q8_0));
    }

    [Fact]
    public void Rows_that_fit_no_block_are_offered_f16()
    {
        var file = Model(Tensor("output.weight", GgmlType.F16, 1001, 64));
        Assert.Contains("use f16 instead", Assert.Single(QuantizationPlanner.Check(file, QuantizationType.Q8_0)));
    }

    [Fact]
    public void An_already_quantized_model_is_refused()
    {
        var file = Model(Tensor("blk.0.attn_q.weight", GgmlType.Q4_K, 256, 256));
        Assert.Contains("already quantized", Assert.Single(QuantizationPlanner.Check(file, QuantizationType.Q2_K)));
    }

    [Fact]
    public void Shapes_every_k_quant_takes_pass()
    {
        var file = Model(Tensor("blk.0.attn_q.weight", GgmlType.F32, 768, 768), Tensor("blk.0.ffn_down.weight", GgmlType.BF16, 2048, 768));
        Assert.All(Enum.GetValues<QuantizationType>(), t => Assert.Empty(QuantizationPlanner.Check(file, t)));
    }
}
