using QuantBench.Synthetic;

namespace QuantBench.Tests.Synthetic;

public sealed class SyntheticModelPresetTests
{
    public static TheoryData<string> PresetNames => new(SyntheticModelPresets.All.Select(p => p.Name));

    [Theory]
    [MemberData(nameof(PresetNames))]
    public void Every_weight_row_is_whole_k_quant_super_blocks(string name)
    {
        var preset = SyntheticModelPresets.Find(name);

        var layout = SyntheticTensor.LlamaLayout(preset);

        Assert.Empty(preset.Validate());
        Assert.All(layout, t => Assert.Equal(0, t.Dimensions[0] % 256));
        Assert.Equal(preset.ParameterCount, layout.Sum(t => t.ElementCount));
    }

    [Theory]
    [InlineData("tiny", 3_660_032)]
    [InlineData("small", 88_099_584)]
    [InlineData("large", 1_100_048_384)] // TinyLlama-1.1B's llama.cpp n_params
    public void Parameter_counts_follow_the_shape(string name, long parameters)
    {
        Assert.Equal(parameters, SyntheticModelPresets.Find(name).ParameterCount);
    }

    [Theory]
    [InlineData("SMALL")]
    [InlineData(" Small ")]
    [InlineData("small")]
    public void Lookup_ignores_case(string name)
    {
        Assert.Same(SyntheticModelPresets.Small, SyntheticModelPresets.Find(name));
    }

    [Fact]
    public void Unknown_preset_lists_the_valid_names()
    {
        var error = Assert.Throws<ArgumentException>(() => SyntheticModelPresets.Find("huge"));

        Assert.StartsWith("unknown synthetic model preset 'huge'; valid presets: tiny, small, medium, large", error.Message);
    }

    [Fact]
    public void Default_is_small()
    {
        Assert.Same(SyntheticModelPresets.Small, SyntheticModelPresets.Default);
    }

    [Fact]
    public void Grouped_query_heads_must_divide_the_head_count()
    {
        var bad = SyntheticModelPresets.Tiny with { HeadCountKv = 3 };

        Assert.Contains("KV head count 3 must divide the head count 8", bad.Validate());
    }
}
