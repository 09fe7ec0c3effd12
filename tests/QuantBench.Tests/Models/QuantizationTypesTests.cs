using QuantBench.Gguf;
using QuantBench.Models;

namespace QuantBench.Tests.Models;

public sealed class QuantizationTypesTests
{
    [Theory]
    [InlineData("q4_k_m", QuantizationType.Q4_K_M)]
    [InlineData("Q8_0", QuantizationType.Q8_0)]
    [InlineData(" f16 ", QuantizationType.F16)]
    [InlineData("q5-k-m", QuantizationType.Q5_K_M)]
    public void Names_parse_ignoring_case(string text, QuantizationType expected)
    {
        Assert.True(QuantizationTypes.TryParse(text, out var type));
        Assert.Equal(expected, type);
    }

    [Fact]
    public void Every_unknown_name_in_a_list_is_reported_at_once()
    {
        var error = Assert.Throws<FormatException>(() => QuantizationTypes.ParseList("q8_0,q9_9,banana"));
        Assert.Contains("'q9_9'", error.Message);
        Assert.Contains("'banana'", error.Message);
        Assert.Contains("q4_k_m", error.Message);
    }

    [Fact]
    public void The_default_ladder_is_the_documented_one()
    {
        Assert.Equal("F16,Q8_0,Q6_K,Q5_K_M,Q4_K_M,Q4_0,Q3_K_M,Q2_K", string.Join(',', QuantizationTypes.DefaultLadder));
    }

    [Theory]
    [InlineData("q4_k", QuantizationType.Q4_K_M)]
    [InlineData("Q3_K", QuantizationType.Q3_K_M)]
    [InlineData("q5_k", QuantizationType.Q5_K_M)]
    public void Llama_quantize_aliases_name_the_medium_mixes(string text, QuantizationType expected)
    {
        Assert.True(QuantizationTypes.TryParse(text, out var type));
        Assert.Equal(expected, type);
    }

    [Theory]
    [InlineData(QuantizationType.Q4_K_M, GgmlType.Q4_K)]
    [InlineData(QuantizationType.IQ2_S, GgmlType.IQ2_XS)]
    [InlineData(QuantizationType.IQ2_M, GgmlType.IQ2_S)]
    [InlineData(QuantizationType.IQ3_XS, GgmlType.IQ3_S)]
    [InlineData(QuantizationType.MXFP4_MOE, GgmlType.MXFP4)]
    [InlineData(QuantizationType.Q8_0, GgmlType.Q8_0)]
    public void Each_level_starts_from_llama_cpps_default_tensor_type(QuantizationType level, GgmlType expected)
    {
        Assert.Equal(expected, QuantizationTypes.DefaultTensorType(level));
    }

    [Fact]
    public void Every_level_has_a_default_tensor_type_and_a_family()
    {
        Assert.All(Enum.GetValues<QuantizationType>(), t => Assert.NotEmpty(QuantizationTypes.FamilyOf(t).Types));
        Assert.Equal("K-quant", QuantizationTypes.FamilyOf(QuantizationType.Q2_K_S).Name);
        Assert.Equal("I-quant", QuantizationTypes.FamilyOf(QuantizationType.IQ4_XS).Name);
        Assert.Equal("Q4_0", QuantizationTypes.FamilyOf(QuantizationType.Q4_0).Name);
    }
}
