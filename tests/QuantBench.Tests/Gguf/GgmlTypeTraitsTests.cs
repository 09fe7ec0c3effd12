using QuantBench.Gguf;

namespace QuantBench.Tests.Gguf;

public sealed class GgmlTypeTraitsTests
{
    [Theory]
    [InlineData(GgmlType.F32, 32.0)]
    [InlineData(GgmlType.F16, 16.0)]
    [InlineData(GgmlType.Q8_0, 8.5)]
    [InlineData(GgmlType.Q6_K, 6.5625)]
    [InlineData(GgmlType.Q4_K, 4.5)]
    [InlineData(GgmlType.Q4_0, 4.5)]
    [InlineData(GgmlType.Q2_K, 2.625)]
    [InlineData(GgmlType.IQ4_XS, 4.25)]
    [InlineData(GgmlType.MXFP4, 4.25)]
    public void Bits_per_element_match_llama_cpp(GgmlType type, double bits)
    {
        Assert.Equal(bits, GgmlTypeTraits.Get(type).BitsPerElement);
    }

    [Fact]
    public void Byte_size_counts_whole_blocks()
    {
        Assert.Equal(256 * 768 / 256 * 144, GgmlTypeTraits.Get(GgmlType.Q4_K).ByteSizeOf(256 * 768));
        Assert.Throws<ArgumentException>(() => GgmlTypeTraits.Get(GgmlType.Q4_K).ByteSizeOf(100));
    }

    [Theory]
    [InlineData(4u)]
    [InlineData(31u)]
    [InlineData(38u)]
    [InlineData(1000u)]
    public void Removed_or_unknown_ids_are_not_known(uint id)
    {
        Assert.False(GgmlTypeTraits.TryGet(id, out _));
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => GgmlTypeTraits.Get((GgmlType)id));
        Assert.Contains($"unknown ggml type id {id}", error.Message);
    }

    [Fact]
    public void Every_enum_value_has_traits()
    {
        Assert.Equal(Enum.GetValues<GgmlType>().Length, GgmlTypeTraits.All.Count);
        Assert.All(Enum.GetValues<GgmlType>(), t => Assert.Equal(t.ToString(), GgmlTypeTraits.Get(t).Name));
    }

    [Theory]
    [InlineData("q4_k", GgmlType.Q4_K)]
    [InlineData("BF16", GgmlType.BF16)]
    public void Names_parse_case_insensitively(string name, GgmlType expected)
    {
        Assert.True(GgmlTypeTraits.TryParse(name, out var type));
        Assert.Equal(expected, type);
    }
}
