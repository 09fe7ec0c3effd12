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
    [InlineData(QuantizationType.Q4_K_M, 256)]
    [InlineData(QuantizationType.Q2_K, 256)]
    [InlineData(QuantizationType.Q4_0, 32)]
    [InlineData(QuantizationType.Q8_0, 32)]
    [InlineData(QuantizationType.F16, 1)]
    public void K_quants_need_rows_of_256_and_legacy_types_rows_of_32(QuantizationType type, int block)
    {
        Assert.Equal(block, QuantizationTypes.BlockSize(type));
    }

    [Fact]
    public void The_fallback_of_a_k_quant_has_a_smaller_block()
    {
        foreach (var type in Enum.GetValues<QuantizationType>().Where(t => QuantizationTypes.BlockSize(t) == 256))
        {
            Assert.True(QuantizationTypes.BlockSize(QuantizationTypes.Fallback(type)) < 256, type.ToString());
        }
    }
}
