using QuantBench.Cli;
using QuantBench.Cli.Commands.Converters;
using QuantBench.Serving;
using Spectre.Console.Testing;

namespace QuantBench.Tests.Cli.Converters;

public sealed class ServingApiConverterTests
{
    [Theory]
    [InlineData("completions", ServingApi.Completions)]
    [InlineData("Completions", ServingApi.Completions)]
    [InlineData("chat", ServingApi.Chat)]
    [InlineData("CHAT", ServingApi.Chat)]
    public void Accepts_both_apis_in_any_case(string text, ServingApi expected) =>
        Assert.Equal(expected, new ServingApiConverter().ConvertFrom(text));

    [Theory]
    [InlineData("responses")]
    [InlineData("5")]
    public void A_wrong_value_is_one_line_naming_the_choices(string text)
    {
        var error = Assert.Throws<OptionValueException>(() => new ServingApiConverter().ConvertFrom(text));

        Assert.Equal($"unknown API '{text}' (completions or chat)", error.Message);
    }

    [Fact]
    public async Task Serve_with_a_wrong_api_is_exactly_one_line_and_exit_code_2()
    {
        var console = new TestConsole().Width(400);
        int exit = await QuantBenchApp.Create(console).RunAsync(["serve", "--url", "http://127.0.0.1:9", "--api", "responses"]);

        Assert.Equal(2, exit);
        Assert.Equal("error: unknown API 'responses' (completions or chat)", console.Output.Trim());
    }
}
