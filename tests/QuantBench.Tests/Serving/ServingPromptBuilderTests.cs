using System.Collections.Immutable;
using QuantBench.Serving;

namespace QuantBench.Tests.Serving;

public sealed class ServingPromptBuilderTests
{
    /// <summary>Every character is one token (its code), so a prompt's token length is its length.</summary>
    private sealed class CharacterTokenizer : IServingTokenizer
    {
        public Task<ImmutableArray<int>?> TokenizeAsync(string text, CancellationToken cancellationToken) =>
            Task.FromResult<ImmutableArray<int>?>([.. text.Select(c => (int)c)]);

        public Task<string> DetokenizeAsync(IReadOnlyList<int> tokens, CancellationToken cancellationToken) =>
            Task.FromResult(new string([.. tokens.Select(t => (char)t)]));
    }

    [Fact]
    public async Task With_a_tokenizer_every_prompt_has_exactly_the_drawn_length()
    {
        var (prompts, source) = await ServingPromptBuilder.BuildAsync(new CharacterTokenizer(), null, PromptLengthRange.Parse("20:40"), 50, 1, CancellationToken.None);

        Assert.Equal(PromptLengthSource.ServerTokenizer, source);
        Assert.Equal(50, prompts.Length);
        Assert.All(prompts, p => Assert.Equal(p.Tokens, p.Text.Length));
        Assert.All(prompts, p => Assert.InRange(p.Tokens!.Value, 20, 40));
        Assert.True(prompts.Select(p => p.Tokens).Distinct().Count() > 5);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Many_prompts_of_one_length_are_all_different(bool withTokenizer)
    {
        // A sweep asks one prompt per request; two equal prompts would be answered from the server's prompt cache.
        var (prompts, _) = await ServingPromptBuilder.BuildAsync(withTokenizer ? new CharacterTokenizer() : null, null, PromptLengthRange.Parse("128"), 600, 42, CancellationToken.None);

        Assert.Equal(600, prompts.Length);
        Assert.Equal(600, prompts.Select(p => p.Text).Distinct().Count());
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_prompts_and_without_a_tokenizer_lengths_are_estimates()
    {
        var a = await ServingPromptBuilder.BuildAsync(null, "one two three four five six", PromptLengthRange.Parse("4"), 3, 9, CancellationToken.None);
        var b = await ServingPromptBuilder.BuildAsync(null, "one two three four five six", PromptLengthRange.Parse("4"), 3, 9, CancellationToken.None);

        Assert.Equal(PromptLengthSource.Estimate, a.Source);
        Assert.Equal(a.Prompts.Select(p => p.Text), b.Prompts.Select(p => p.Text));
        Assert.All(a.Prompts, p => Assert.Null(p.Tokens));
        Assert.All(a.Prompts, p => Assert.Equal(4, p.Text.Split(' ').Length));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("9:3")]
    [InlineData("a:b")]
    [InlineData("1:2:3")]
    public void Bad_prompt_lengths_are_format_errors(string text) =>
        Assert.Throws<FormatException>(() => PromptLengthRange.Parse(text));
}
