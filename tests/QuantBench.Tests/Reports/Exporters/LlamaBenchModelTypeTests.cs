using System.Collections.Immutable;
using QuantBench.Reports.Exporters;
using QuantBench.Results;

namespace QuantBench.Tests.Reports.Exporters;

public sealed class LlamaBenchModelTypeTests
{
    private static ModelDescriptor Model(string label, params (string Type, long Parameters)[] mix) => new()
    {
        Path = "/m.gguf",
        Label = label,
        Architecture = "llama",
        ParametersByTensorType = mix.ToImmutableDictionary(m => m.Type, m => m.Parameters),
    };

    [Theory]
    [InlineData("Q4_K_M", "llama ?B Q4_K - Medium")]
    [InlineData("ref-tiny-Q2_K", "llama ?B Q2_K - Medium")]
    [InlineData("ref-tiny-f32", "llama ?B all F32")]
    [InlineData("tiny-q8_0", "llama ?B Q8_0")]
    [InlineData("model.Q4_0", "llama ?B Q4_0")]
    [InlineData("Q3_K_L", "llama ?B Q3_K - Large")]
    public void Names_the_file_type_as_llama_cpp_does(string label, string expected) =>
        Assert.Equal(expected, LlamaBenchModelType.Describe(Model(label)));

    [Fact]
    public void Falls_back_to_the_tensor_type_holding_most_parameters()
    {
        Assert.Equal("llama ?B all F32", LlamaBenchModelType.Describe(Model("tiny", ("F32", 100))));
        Assert.Equal("llama ?B Q4_K", LlamaBenchModelType.Describe(Model("custom", ("Q4_K", 90), ("Q6_K", 10))));
    }

    [Fact]
    public void A_type_name_inside_a_longer_word_is_not_taken()
    {
        // "xq8_0y" holds Q8_0 but not at a word boundary.
        Assert.Equal("llama ?B F16", LlamaBenchModelType.Describe(Model("xq8_0y", ("F16", 1))));
    }
}
