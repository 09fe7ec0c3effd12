using QuantBench.Cli.Commands.Converters;

namespace QuantBench.Tests.Cli.Converters;

public sealed class FlashAttentionConverterTests
{
    [Theory]
    [InlineData("auto", "Auto")]
    [InlineData("AUTO", "Auto")]
    [InlineData("on", "On")]
    [InlineData("true", "On")]
    [InlineData("1", "On")]
    [InlineData("Off", "Off")]
    [InlineData("false", "Off")]
    [InlineData(" 0 ", "Off")]
    public void Accepts_every_spelling_in_any_case(string text, string expected) =>
        Assert.Equal(Enum.Parse<FlashAttentionMode>(expected), new FlashAttentionConverter().ConvertFrom(text));

    [Theory]
    [InlineData("maybe")]
    [InlineData("2")]
    [InlineData("")]
    public void A_wrong_value_is_one_line_naming_the_choices(string text)
    {
        var error = Assert.Throws<OptionValueException>(() => new FlashAttentionConverter().ConvertFrom(text));

        Assert.Equal($"unknown flash attention mode '{text}' (use auto, on or off)", error.Message);
    }
}
