using QuantBench.Decisions;

namespace QuantBench.Tests.Decisions;

public sealed class ByteSizeTests
{
    [Theory]
    [InlineData("8GiB", 8L * 1024 * 1024 * 1024)]
    [InlineData("512MiB", 512L * 1024 * 1024)]
    [InlineData("4GB", 4_000_000_000L)]
    [InlineData("1.5 GiB", 1_610_612_736L)]
    [InlineData("64kib", 65_536L)]
    [InlineData("2KB", 2_000L)]
    [InlineData("12345", 12_345L)]
    [InlineData("100B", 100L)]
    [InlineData(" 1TiB ", 1_099_511_627_776L)]
    public void Parses_binary_decimal_and_plain_sizes(string text, long expected) =>
        Assert.Equal(expected, ByteSize.Parse(text));

    [Theory]
    [InlineData("8G")]
    [InlineData("lots")]
    [InlineData("")]
    [InlineData("-1GiB")]
    [InlineData("0")]
    [InlineData("1,5GiB")]
    [InlineData("8XB")]
    public void Rejects_what_is_not_an_unambiguous_size_with_one_line(string text)
    {
        var error = Assert.Throws<FormatException>(() => ByteSize.Parse(text));
        Assert.Contains($"'{text}'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }
}
