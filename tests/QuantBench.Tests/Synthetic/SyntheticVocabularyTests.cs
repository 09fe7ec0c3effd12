using QuantBench.Synthetic;

namespace QuantBench.Tests.Synthetic;

public sealed class SyntheticVocabularyTests
{
    [Theory]
    [InlineData(512)]
    [InlineData(1000)]
    [InlineData(8192)]
    [InlineData(32000)]
    [InlineData(50000)]
    public void Has_exactly_the_requested_number_of_unique_tokens(int size)
    {
        var vocabulary = SyntheticVocabulary.Build(size);

        Assert.Equal(size, vocabulary.Tokens.Length);
        Assert.Equal(size, vocabulary.Scores.Length);
        Assert.Equal(size, vocabulary.TokenTypes.Length);
        Assert.Equal(size, vocabulary.Tokens.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Starts_with_special_tokens_then_the_256_byte_tokens()
    {
        var vocabulary = SyntheticVocabulary.Build(1000);

        Assert.Equal(["<unk>", "<s>", "</s>"], vocabulary.Tokens.Take(3));
        Assert.Equal([2, 3, 3], vocabulary.TokenTypes.Take(3));
        Assert.Equal("<0x00>", vocabulary.Tokens[3]);
        Assert.Equal("<0x0A>", vocabulary.Tokens[3 + 10]);
        Assert.Equal("<0xFF>", vocabulary.Tokens[258]);
        Assert.All(vocabulary.TokenTypes.Skip(3).Take(256), t => Assert.Equal(6, t));
        Assert.All(vocabulary.TokenTypes.Skip(259), t => Assert.Equal(1, t));
    }

    [Fact]
    public void Holds_word_pieces_with_longer_pieces_scoring_higher()
    {
        var vocabulary = SyntheticVocabulary.Build(1000);
        float Score(string token) => vocabulary.Scores[vocabulary.Tokens.IndexOf(token)];

        Assert.Contains("▁the", vocabulary.Tokens);
        Assert.Contains("▁and", vocabulary.Tokens);
        Assert.Contains("e", vocabulary.Tokens);
        Assert.True(Score("▁the") > Score("▁th"));
        Assert.True(Score("▁th") > Score("▁"));
        Assert.True(Score("▁t") > Score("z"));
    }

    [Fact]
    public void Is_the_same_every_time()
    {
        Assert.Equal(SyntheticVocabulary.Build(8192).Tokens.AsEnumerable(), SyntheticVocabulary.Build(8192).Tokens);
    }
}
