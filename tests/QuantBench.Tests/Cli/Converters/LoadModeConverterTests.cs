using QuantBench.Cli.Commands.Converters;
using QuantBench.Engines;

namespace QuantBench.Tests.Cli.Converters;

public sealed class LoadModeConverterTests
{
    [Theory]
    [InlineData("mmap", LoadMode.Mmap)]
    [InlineData("MMAP", LoadMode.Mmap)]
    [InlineData("no-mmap", LoadMode.NoMmap)]
    [InlineData("nommap", LoadMode.NoMmap)]
    [InlineData(" mlock ", LoadMode.Mlock)]
    public void Accepts_every_spelling_in_any_case(string text, LoadMode expected) =>
        Assert.Equal(expected, new LoadModeConverter().ConvertFrom(text));

    [Fact]
    public void A_wrong_value_is_one_line_naming_the_choices()
    {
        var error = Assert.Throws<OptionValueException>(() => new LoadModeConverter().ConvertFrom("disk"));

        Assert.Equal("unknown load mode 'disk' (use mmap, no-mmap or mlock)", error.Message);
    }
}
