using System.Collections.Immutable;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Http;
using QuantBench.OpenAi;
using QuantBench.Serving;
using QuantBench.Tests.Fakes;

namespace QuantBench.Tests.Serving;

public sealed class OpenAiServingClientTests
{
    private static readonly ServingRequest Request = new(0, "hello world", 2, 4, 0);

    private static OpenAiServingClient Client(Uri url, ServingApi api = ServingApi.Completions, string? key = null, double timeoutSeconds = 10) =>
        new(new OpenAiClientOptions { Urls = [url], Api = api, Model = "m", ApiKey = key, RequestTimeout = TimeSpan.FromSeconds(timeoutSeconds) });

    [Fact]
    public async Task A_stream_is_timed_per_chunk_and_counted_from_usage_not_from_chunks()
    {
        // Three chunks with text carry four tokens: the count must come from usage (4), not the chunks (3).
        await using var server = await FakeOpenAiServer.StartAsync(c => FakeOpenAiServer.StreamAsync(c,
            [FakeOpenAiServer.TextChunk("a"), FakeOpenAiServer.TextChunk("b c"), FakeOpenAiServer.TextChunk("d"), FakeOpenAiServer.FinalChunk(2, 4), "[DONE]"],
            TimeSpan.FromMilliseconds(30)));
        using var client = Client(server.Url);
        var response = await client.SendAsync(Request, CancellationToken.None);

        Assert.Null(response.Error);
        Assert.Equal(3, response.ContentChunkMs.Length);
        Assert.Equal(4, response.OutputTokens);
        Assert.Equal(2, response.PromptTokens);
        Assert.Equal(TokenCountSource.Usage, response.TokenCounts);
        Assert.Equal(4.25, response.ServerPredictedPerTokenMs);
        Assert.Equal(12.5, response.ServerPromptMs);
        // The server sends the third text chunk 60 ms after the first, so it cannot arrive earlier than 60 ms after
        // sending (a loaded machine can only make arrivals later, or bunch them up).
        Assert.True(response.ContentChunkMs.SequenceEqual(response.ContentChunkMs.Order()));
        Assert.InRange(response.ContentChunkMs[2], 60, 5000);
        Assert.InRange(response.EndMs, 90, 5000);
        Assert.True(response.EndMs >= response.ContentChunkMs[^1]);
    }

    [Fact]
    public async Task Requests_ask_for_usage_ignore_eos_and_a_stream_and_carry_the_key()
    {
        await using var server = await FakeOpenAiServer.StartAsync(c => FakeOpenAiServer.StreamAsync(c,
            [FakeOpenAiServer.TextChunk("a"), FakeOpenAiServer.FinalChunk(2, 1), "[DONE]"]));
        using var client = Client(server.Url, ServingApi.Chat, key: "sk-secret-123");

        var response = await client.SendAsync(Request, CancellationToken.None);

        Assert.Null(response.Error);
        var (path, authorization, body) = Assert.Single(server.Requests);
        Assert.Equal("/v1/chat/completions", path);
        Assert.Equal("Bearer sk-secret-123", authorization);
        Assert.Contains("\"include_usage\":true", body);
        Assert.Contains("\"ignore_eos\":true", body);
        Assert.Contains("\"stream\":true", body);
        Assert.Contains("\"max_tokens\":4", body);
        Assert.Contains("\"messages\":[{\"role\":\"user\",\"content\":\"hello world\"}]", body);
    }

    [Fact]
    public async Task Llama_server_timings_count_tokens_when_there_is_no_usage()
    {
        await using var server = await FakeOpenAiServer.StartAsync(c => FakeOpenAiServer.StreamAsync(c,
            [FakeOpenAiServer.TextChunk("a"), """{"choices":[{"text":"b","finish_reason":"length"}],"timings":{"prompt_n":3,"predicted_n":2,"prompt_ms":1.0,"predicted_per_token_ms":2.0}}""", "[DONE]"]));
        using var client = Client(server.Url);

        var response = await client.SendAsync(Request, CancellationToken.None);

        Assert.Equal(TokenCountSource.ServerTimings, response.TokenCounts);
        Assert.Equal(2, response.OutputTokens);
        Assert.Equal(3, response.PromptTokens);
    }

    [Fact]
    public async Task Without_usage_or_timings_the_token_count_is_unknown_not_the_chunk_count()
    {
        await using var server = await FakeOpenAiServer.StartAsync(c => FakeOpenAiServer.StreamAsync(c,
            [FakeOpenAiServer.TextChunk("a"), FakeOpenAiServer.TextChunk("b"), "[DONE]"]));
        using var client = Client(server.Url);

        var response = await client.SendAsync(Request, CancellationToken.None);

        Assert.Null(response.Error);
        Assert.Equal(TokenCountSource.None, response.TokenCounts);
        Assert.Null(response.OutputTokens);
        Assert.Equal(2, response.ContentChunkMs.Length);
    }

    [Theory]
    [InlineData(401)]
    [InlineData(404)]
    [InlineData(500)]
    public async Task An_http_error_status_is_counted_with_its_code(int status)
    {
        await using var server = await FakeOpenAiServer.StartAsync(async c =>
        {
            c.Response.StatusCode = status;
            await c.Response.WriteAsync("""{"error":{"message":"nope sk-secret-123"}}""");
        });
        using var client = Client(server.Url, key: "sk-secret-123");

        var response = await client.SendAsync(Request, CancellationToken.None);

        Assert.Equal(ServingErrorKind.HttpStatus, response.Error!.Kind);
        Assert.Equal(status, response.Error.HttpStatusCode);
        Assert.Contains($"HTTP {status}", response.Error.Detail);
        Assert.DoesNotContain("sk-secret-123", response.Error.Detail);
    }

    [Fact]
    public async Task An_error_inside_the_stream_is_an_http_status_error_with_the_servers_message()
    {
        // llama-server's way: status 200, then an error object as one event.
        await using var server = await FakeOpenAiServer.StartAsync(c => FakeOpenAiServer.StreamAsync(c,
            [FakeOpenAiServer.TextChunk("a"), """{"error":{"code":500,"message":"model produced output that does not match the expected Content-only format","type":"server_error"}}"""]));
        using var client = Client(server.Url);

        var response = await client.SendAsync(Request, CancellationToken.None);

        Assert.Equal(ServingErrorKind.HttpStatus, response.Error!.Kind);
        Assert.Equal(500, response.Error.HttpStatusCode);
        Assert.Contains("Content-only format", response.Error.Detail);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[1,2,3]")]
    [InlineData("{\"id\":\"x\"}")]
    public async Task A_chunk_that_is_not_an_openai_chunk_is_a_malformed_stream(string data)
    {
        await using var server = await FakeOpenAiServer.StartAsync(c => FakeOpenAiServer.StreamAsync(c, [FakeOpenAiServer.TextChunk("a"), data, "[DONE]"]));
        using var client = Client(server.Url);

        var response = await client.SendAsync(Request, CancellationToken.None);

        Assert.Equal(ServingErrorKind.MalformedStream, response.Error!.Kind);
    }

    [Fact]
    public async Task A_json_answer_instead_of_an_event_stream_is_malformed()
    {
        await using var server = await FakeOpenAiServer.StartAsync(async c =>
        {
            c.Response.ContentType = "application/json";
            await c.Response.WriteAsync("""{"choices":[{"text":"abc"}]}""");
        });
        using var client = Client(server.Url);

        var response = await client.SendAsync(Request, CancellationToken.None);

        Assert.Equal(ServingErrorKind.MalformedStream, response.Error!.Kind);
        Assert.Contains("application/json", response.Error.Detail);
    }

    [Fact]
    public async Task A_stream_that_ends_before_done_is_cut()
    {
        await using var server = await FakeOpenAiServer.StartAsync(c => FakeOpenAiServer.StreamAsync(c, [FakeOpenAiServer.TextChunk("a"), FakeOpenAiServer.TextChunk("b")]));
        using var client = Client(server.Url);

        var response = await client.SendAsync(Request, CancellationToken.None);

        Assert.Equal(ServingErrorKind.CutStream, response.Error!.Kind);
        Assert.Equal(2, response.ContentChunkMs.Length);
    }

    [Fact]
    public async Task A_connection_aborted_mid_stream_is_cut()
    {
        await using var server = await FakeOpenAiServer.StartAsync(async c =>
        {
            await FakeOpenAiServer.StreamAsync(c, [FakeOpenAiServer.TextChunk("a")]);
            c.Abort();
        });
        using var client = Client(server.Url);

        var response = await client.SendAsync(Request, CancellationToken.None);

        Assert.Equal(ServingErrorKind.CutStream, response.Error!.Kind);
    }

    [Fact]
    public async Task A_server_that_stalls_past_the_timeout_is_a_timeout()
    {
        await using var server = await FakeOpenAiServer.StartAsync(async c =>
        {
            await FakeOpenAiServer.StreamAsync(c, [FakeOpenAiServer.TextChunk("a")]);
            await Task.Delay(TimeSpan.FromSeconds(5), c.RequestAborted);
        });
        using var client = Client(server.Url, timeoutSeconds: 0.3);

        var response = await client.SendAsync(Request, CancellationToken.None);

        Assert.Equal(ServingErrorKind.Timeout, response.Error!.Kind);
        Assert.InRange(response.EndMs, 250, 4000);
    }

    [Fact]
    public async Task Nothing_listening_is_refused()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var client = Client(new Uri($"http://127.0.0.1:{port}"));

        var response = await client.SendAsync(Request, CancellationToken.None);

        Assert.Equal(ServingErrorKind.Refused, response.Error!.Kind);
        Assert.Contains($"127.0.0.1:{port}", response.Error.Detail);
    }

    [Fact]
    public async Task Requests_are_spread_over_every_url()
    {
        await using var a = await FakeOpenAiServer.StartAsync(c => FakeOpenAiServer.StreamAsync(c, [FakeOpenAiServer.TextChunk("a"), FakeOpenAiServer.FinalChunk(1, 1), "[DONE]"]));
        await using var b = await FakeOpenAiServer.StartAsync(c => FakeOpenAiServer.StreamAsync(c, [FakeOpenAiServer.TextChunk("a"), FakeOpenAiServer.FinalChunk(1, 1), "[DONE]"]));
        using var client = new OpenAiServingClient(new OpenAiClientOptions { Urls = [a.Url, new Uri(b.Url, "v1")] });
        var workload = new ServingWorkload([new ServingPrompt("p", 1)], 1);

        for (int i = 0; i < 4; i++)
        {
            Assert.Null((await client.SendAsync(workload.Request(i, client.ServerCount), CancellationToken.None)).Error);
        }

        Assert.Equal(2, a.Requests.Count);
        Assert.Equal(2, b.Requests.Count);
        Assert.All(b.Requests, r => Assert.Equal("/v1/completions", r.Path));
    }
}
