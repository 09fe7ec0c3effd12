using QuantBench.Gguf;
using QuantBench.Models;
using QuantBench.Preparation;

namespace QuantBench.Tests.Preparation;

public sealed class QuantizationPlannerTests
{
    private static GgufFile Model(params GgufTensorInfo[] tensors) =>
        new("/m/base.gguf", 3, 32, GgufMetadata.Empty, [.. tensors], 0, 0);

    private static GgufTensorInfo Tensor(string name, GgmlType type, params long[] dims) => new(name, [.. dims], type, 0);

    // A llama model's header as llama.cpp's converter writes it, without data.
    private static GgufFile Llama(int hidden, int ff, int blocks = 4, int heads = 4, int kvHeads = 1, int vocab = 512)
    {
        var metadata = new GgufMetadata(
        [
            new("general.architecture", GgufValue.String("llama")),
            new("llama.block_count", GgufValue.UInt32((uint)blocks)),
            new("llama.attention.head_count", GgufValue.UInt32((uint)heads)),
            new("llama.attention.head_count_kv", GgufValue.UInt32((uint)kvHeads)),
        ]);
        int kv = hidden / heads * kvHeads;
        var tensors = new List<GgufTensorInfo> { Tensor("token_embd.weight", GgmlType.F32, hidden, vocab) };
        for (int b = 0; b < blocks; b++)
        {
            tensors.Add(Tensor($"blk.{b}.attn_norm.weight", GgmlType.F32, hidden));
            tensors.Add(Tensor($"blk.{b}.attn_q.weight", GgmlType.F32, hidden, hidden));
            tensors.Add(Tensor($"blk.{b}.attn_k.weight", GgmlType.F32, hidden, kv));
            tensors.Add(Tensor($"blk.{b}.attn_v.weight", GgmlType.F32, hidden, kv));
            tensors.Add(Tensor($"blk.{b}.attn_output.weight", GgmlType.F32, hidden, hidden));
            tensors.Add(Tensor($"blk.{b}.ffn_norm.weight", GgmlType.F32, hidden));
            tensors.Add(Tensor($"blk.{b}.ffn_gate.weight", GgmlType.F32, hidden, ff));
            tensors.Add(Tensor($"blk.{b}.ffn_up.weight", GgmlType.F32, hidden, ff));
            tensors.Add(Tensor($"blk.{b}.ffn_down.weight", GgmlType.F32, ff, hidden));
        }

        tensors.Add(Tensor("output_norm.weight", GgmlType.F32, hidden));
        tensors.Add(Tensor("output.weight", GgmlType.F32, hidden, vocab));
        return new GgufFile("/m/llama.gguf", 3, 32, metadata, [.. tensors], 0, 0);
    }

    private static GgmlType TypeOf(QuantizationPlan plan, string name) => plan.Tensors.Single(t => t.Name == name).Final;

    [Theory]
    [InlineData(GgmlType.Q4_K, 576, GgmlType.Q5_0)]
    [InlineData(GgmlType.Q5_K, 576, GgmlType.Q5_1)]
    [InlineData(GgmlType.Q6_K, 576, GgmlType.Q8_0)]
    [InlineData(GgmlType.Q2_K, 576, GgmlType.Q4_0)]
    [InlineData(GgmlType.Q3_K, 96, GgmlType.Q4_0)]
    [InlineData(GgmlType.IQ4_XS, 576, GgmlType.IQ4_NL)]
    [InlineData(GgmlType.IQ2_XXS, 576, GgmlType.IQ4_NL)]
    [InlineData(GgmlType.TQ2_0, 576, GgmlType.Q4_0)]
    [InlineData(GgmlType.Q4_K, 172, GgmlType.F16)]
    [InlineData(GgmlType.Q6_K, 172, GgmlType.F16)]
    [InlineData(GgmlType.Q4_K, 1536, GgmlType.Q4_K)]
    [InlineData(GgmlType.Q8_0, 96, GgmlType.Q8_0)]
    public void Rows_that_do_not_fit_fall_back_as_llama_cpp_does(GgmlType type, long rowLength, GgmlType expected)
    {
        Assert.Equal(expected, QuantizationPlanner.Fallback(rowLength, type));
    }

    [Theory]
    [InlineData(GgmlType.Q8_0)]
    [InlineData(GgmlType.Q4_0)]
    [InlineData(GgmlType.Q5_1)]
    [InlineData(GgmlType.IQ4_NL)]
    public void Types_of_32_element_blocks_have_no_fallback(GgmlType type)
    {
        Assert.Null(QuantizationPlanner.Fallback(172, type));
    }

    [Fact]
    public void Q4_K_M_of_a_576_wide_model_falls_back_on_its_576_wide_rows_only()
    {
        var plan = QuantizationPlanner.Plan(Llama(576, 1536, heads: 9, kvHeads: 3), QuantizationType.Q4_K_M);

        Assert.True(plan.CanQuantize, plan.Failure);
        Assert.Equal(GgmlType.Q5_0, TypeOf(plan, "blk.1.attn_q.weight"));
        Assert.Equal(GgmlType.Q8_0, TypeOf(plan, "output.weight")); // the output rule: Q8_0 when rows do not fit
        Assert.Equal(GgmlType.Q5_0, TypeOf(plan, "token_embd.weight"));
        Assert.Equal(GgmlType.Q4_K, TypeOf(plan, "blk.1.ffn_down.weight")); // rows of 1536 fit
        Assert.Equal(GgmlType.Q6_K, TypeOf(plan, "blk.2.ffn_down.weight")); // llama.cpp's use_more_bits layers
        Assert.Equal(GgmlType.Q8_0, TypeOf(plan, "blk.2.attn_v.weight")); // Q6_K -> Q8_0
        Assert.Equal(GgmlType.F32, TypeOf(plan, "blk.0.attn_norm.weight"));
        Assert.Equal(4 * 6 + 1, plan.Fallbacks.Count());
    }

    [Fact]
    public void Q8_0_of_rows_of_172_fails_with_one_short_line_naming_count_example_row_and_remedy()
    {
        var plan = QuantizationPlanner.Plan(Llama(64, 172), QuantizationType.Q8_0);

        string failure = Assert.IsType<string>(plan.Failure);
        Assert.True(failure.Length < 300, failure);
        Assert.DoesNotContain('\n', failure);
        Assert.StartsWith("Q8_0: 4 of 30 weights", failure);
        Assert.Contains("blk.0.ffn_down.weight", failure);
        Assert.Contains("rows of 172", failure);
        Assert.Contains("--tensor-type ffn_down=f16", failure);
    }

    [Fact]
    public void A_per_tensor_type_makes_the_level_possible()
    {
        var options = new QuantizationOptions { TensorTypes = [TensorTypeOverride.Parse("ffn_down=f16")] };
        var plan = QuantizationPlanner.Plan(Llama(64, 172), QuantizationType.Q8_0, options);

        Assert.True(plan.CanQuantize, plan.Failure);
        Assert.Equal(GgmlType.F16, TypeOf(plan, "blk.3.ffn_down.weight"));
        Assert.Equal(GgmlType.Q8_0, TypeOf(plan, "blk.3.ffn_up.weight"));
        Assert.Equal(GgmlType.Q8_0, TypeOf(plan, "output.weight"));
    }

    [Fact]
    public void K_quants_of_rows_of_172_fall_back_to_f16()
    {
        var plan = QuantizationPlanner.Plan(Llama(64, 172), QuantizationType.Q4_K_M);

        Assert.True(plan.CanQuantize, plan.Failure);
        Assert.Equal(GgmlType.F16, TypeOf(plan, "blk.2.ffn_down.weight"));
        Assert.Equal(GgmlType.Q8_0, TypeOf(plan, "output.weight"));
        Assert.Equal(GgmlType.Q5_0, TypeOf(plan, "blk.2.ffn_up.weight"));
    }

    [Fact]
    public void Pure_keeps_the_main_type_except_where_rows_do_not_fit()
    {
        var plan = QuantizationPlanner.Plan(Llama(256, 512), QuantizationType.Q4_K_M, new QuantizationOptions { Pure = true });

        Assert.All(plan.Tensors.Where(t => t.Quantized), t => Assert.Equal(GgmlType.Q4_K, t.Final));
    }

    [Fact]
    public void An_output_type_that_does_not_fit_is_refused_before_llama_cpp_would_abort()
    {
        var plan = QuantizationPlanner.Plan(Llama(64, 256), QuantizationType.Q8_0, new QuantizationOptions { OutputTensorType = GgmlType.Q4_K });

        Assert.Contains("--output-tensor-type q4_k does not fit output.weight", plan.Failure);
        Assert.True(plan.Failure!.Length < 300);
    }

    [Fact]
    public void Levels_that_need_an_importance_matrix_say_so_without_one()
    {
        var file = Llama(256, 512);
        Assert.Contains("--imatrix", QuantizationPlanner.Plan(file, QuantizationType.IQ2_XXS).Failure);
        Assert.Contains("--imatrix", QuantizationPlanner.Plan(file, QuantizationType.Q2_K_S).Failure);
        Assert.True(QuantizationPlanner.Plan(file, QuantizationType.IQ2_XXS, new QuantizationOptions { ImportanceMatrixPath = "m.gguf" }).CanQuantize);
        Assert.True(QuantizationPlanner.Plan(file, QuantizationType.IQ4_XS).CanQuantize);
    }

    [Fact]
    public void An_already_quantized_model_is_refused()
    {
        var file = Model(Tensor("blk.0.attn_q.weight", GgmlType.Q4_K, 256, 256));
        Assert.Contains("already quantized", Assert.Single(QuantizationPlanner.Check(file, QuantizationType.Q2_K)));
    }

    [Fact]
    public void Shapes_of_whole_super_blocks_take_every_level_that_needs_no_importance_matrix()
    {
        var file = Llama(768, 2048);
        var needMatrix = new[] { QuantizationType.IQ1_S, QuantizationType.IQ1_M, QuantizationType.IQ2_XXS, QuantizationType.IQ2_XS, QuantizationType.IQ2_S, QuantizationType.IQ2_M, QuantizationType.Q2_K_S,
            QuantizationType.IQ3_XXS, QuantizationType.IQ3_XS }; // these two put attn_q/attn_k in IQ2_S and IQ3_XXS
        Assert.All(Enum.GetValues<QuantizationType>().Except(needMatrix), t => Assert.Empty(QuantizationPlanner.Check(file, t)));
        Assert.All(QuantizationPlanner.Plan(file, QuantizationType.Q4_K_M).Tensors, t => Assert.False(t.FellBack, t.Name));
    }

    [Fact]
    public void The_level_mix_of_a_made_file_counts_fallbacks_and_the_real_share_of_the_family()
    {
        var base64 = Llama(64, 172);
        var plan = QuantizationPlanner.Plan(base64, QuantizationType.Q4_K_M);
        var made = base64 with { Tensors = [.. base64.Tensors.Select(t => t with { Type = plan.FinalTypes[t.Name] })] };

        var mix = LevelMixReader.From(made, plan);

        Assert.Equal(0, mix.FamilyShare);
        Assert.Equal(29, mix.FallbackCount);
        Assert.Equal(30, mix.WeightCount);
        Assert.Contains("Q4_K->Q5_0: 23", mix.Fallbacks);
        Assert.StartsWith("Q5_0 ", mix.Types[0]);

        var other = made with { Tensors = [.. made.Tensors.Select(t => t.Name == "output.weight" ? t with { Type = GgmlType.F16 } : t)] };
        Assert.Null(LevelMixReader.From(other, plan).FallbackCount); // not llama.cpp's recipe: fallbacks cannot be told
    }
}
