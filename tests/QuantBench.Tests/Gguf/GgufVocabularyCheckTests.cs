using QuantBench.Cli;
using QuantBench.Gguf;
using Spectre.Console.Testing;

namespace QuantBench.Tests.Gguf;

public sealed class GgufVocabularyCheckTests
{
    private static string[] Duplicate(string[] tokens)
    {
        tokens[300] = tokens[299];
        return tokens;
    }

    [Fact]
    public void A_duplicated_token_string_is_refused_with_both_ids()
    {
        using var dir = new TempDir();
        string path = CraftedGguf.TinyWithTokens(dir, Duplicate);

        var error = Assert.Throws<GgufFormatException>(() => GgufReader.Read(path));

        Assert.StartsWith("vocabulary tokens 299 and 300 are the same string \"", error.Reason);
        Assert.Contains("llama.cpp would abort", error.Reason);
    }

    [Fact]
    public void An_empty_token_string_is_refused()
    {
        using var dir = new TempDir();
        string path = CraftedGguf.TinyWithTokens(dir, tokens =>
        {
            tokens[7] = "";
            return tokens;
        });

        Assert.StartsWith("vocabulary token 7 is an empty string", Assert.Throws<GgufFormatException>(() => GgufReader.Read(path)).Reason);
    }

    [Fact]
    public void The_unedited_vocabulary_passes()
    {
        using var dir = new TempDir();
        string path = CraftedGguf.TinyWithTokens(dir, tokens => tokens);

        Assert.Equal(1000, GgufReader.Read(path).Metadata[GgufKeys.Tokens].AsArray().Length);
    }

    [Theory]
    [InlineData("run")]
    [InlineData("info")]
    public async Task A_duplicated_token_is_a_one_line_error_and_exit_code_2_before_any_native_call(string verb)
    {
        using var dir = new TempDir();
        string path = CraftedGguf.TinyWithTokens(dir, Duplicate);
        var console = new TestConsole().Width(80);

        string[] args = verb == "run" ? [verb, path, "-o", dir.File("out")] : [verb, path];

        int exit = await QuantBenchApp.Create(console).RunAsync(args);

        Assert.Equal(2, exit);
        string line = Assert.Single(console.Output.Trim().Split('\n'));
        Assert.StartsWith($"error: {path}: vocabulary tokens 299 and 300 are the same string", line);
        Assert.False(Directory.Exists(dir.File("out")), "nothing was measured");
    }
}
