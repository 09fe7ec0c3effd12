using System.Collections.Immutable;
using QuantBench.OpenAi;
using QuantBench.Serving;
using QuantBench.Tests.Fakes;

namespace QuantBench.Tests.Serving;

/// <summary>Prompts sent as the server's token ids, so every level of a ladder answers exactly the same tokens.</summary>
public sealed class TokenIdPromptTests
{
    private sealed class CharacterTokenizer : IServingTokenizer
    {
        public Task<ImmutableArray<int>?> TokenizeAsync(string text, CancellationToken cancellationToken) =>
            Task.FromResult<ImmutableArray<int>?>([.. text.Select(c => (int)c)]);

        public Task<string> DetokenizeAsync(IReadOnlyList<int> tokens, CancellationToken cancellationToken) =>
            Task.FromResult(new string([.. tokens.Select(t => (char)t)]));
    }

    [Fact]
    public async Task Prompts_cut_with_the_servers_tokenizer_keep_their_token_ids()
    {
        var (prompts, _) = await ServingPromptBuilder.BuildAsync(new CharacterTokenizer(), null, PromptLengthRange.Parse("12"), 5, 3, CancellationToken.None);

        Assert.All(prompts, p => Assert.Equal(p.Text.Select(c => (int)c), p.TokenIds));
        Assert.All(prompts, p => Assert.Equal(12, p.TokenIds.Length));
    }

    [Fact]
    public void The_workload_sends_token_ids_only_when_told_to()
    {
        var prompt = new ServingPrompt("ab", 2) { TokenIds = [97, 98] };
        var text = new ServingWorkload([prompt], 4);
        var ids = text with { SendTokenIds = true };

        Assert.Empty(text.Request(0, 1).PromptTokenIds);
        Assert.Equal([97, 98], ids.Request(0, 1).PromptTokenIds.ToArray());
        Assert.Equal("ab", ids.Request(0, 1).Prompt);
    }

    [Fact]
    public async Task A_completions_request_with_token_ids_sends_them_as_the_prompt_array()
    {
        await using var server = await FakeOpenAiServer.StartAsync(c => FakeOpenAiServer.StreamAsync(c,
            [FakeOpenAiServer.TextChunk("a"), FakeOpenAiServer.FinalChunk(3, 1), "[DONE]"]));
        using var client = new OpenAiServingClient(new OpenAiClientOptions { Urls = [server.Url], Model = "m" });

        var response = await client.SendAsync(new ServingRequest(0, "hello", 3, 1, 0) { PromptTokenIds = [15, 16, 17] }, CancellationToken.None);

        Assert.Null(response.Error);
        var (_, _, body) = Assert.Single(server.Requests);
        Assert.Contains("\"prompt\":[15,16,17]", body);
        Assert.DoesNotContain("hello", body);
    }
}
