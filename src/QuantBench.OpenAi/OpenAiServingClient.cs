using System.Collections.Immutable;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.ServerSentEvents;
using System.Net.Sockets;
using System.Text.Json;
using QuantBench.Serving;

namespace QuantBench.OpenAi;

/// <summary>
/// Streams completions or chat requests from OpenAI-compatible servers and times each chunk on arrival
/// (<c>Stopwatch</c>). The stream is parsed by <see cref="SseParser"/>; token counts come from the server's
/// <c>usage</c> or llama-server's <c>timings</c>, never from counting chunks. A failure is returned, counted by kind.
/// </summary>
public sealed class OpenAiServingClient : IServingClient, IDisposable
{
    private readonly OpenAiClientOptions options;
    private readonly HttpClient http;
    private readonly ImmutableArray<Uri> endpoints;

    public OpenAiServingClient(OpenAiClientOptions options, HttpMessageHandler? handler = null)
    {
        if (options.Urls.IsDefaultOrEmpty)
        {
            throw new ArgumentException("at least one server URL is needed", nameof(options));
        }

        this.options = options;
        http = new HttpClient(handler ?? CreateHandler(), disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        string path = options.Api == ServingApi.Chat ? "v1/chat/completions" : "v1/completions";
        endpoints = [.. options.Urls.Select(u => new Uri(OpenAiClientOptions.Root(u), path))];
    }

    public int ServerCount => endpoints.Length;

    /// <summary>A handler for many concurrent streams: no connection limit, connections kept, a connect timeout.</summary>
    public static SocketsHttpHandler CreateHandler() => new()
    {
        MaxConnectionsPerServer = int.MaxValue,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        // Below the 5 s keep-alive of cpp-httplib (llama-server) and most servers: a connection the server has just
        // closed would otherwise be reused and fail as a cut stream that the server never cut.
        PooledConnectionIdleTimeout = TimeSpan.FromSeconds(2),
        ConnectTimeout = TimeSpan.FromSeconds(10),
        AutomaticDecompression = DecompressionMethods.None,
        UseProxy = false,
    };

    public async Task<ServingSample> SendAsync(ServingRequest request, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.RequestTimeout);
        var endpoint = endpoints[request.UrlIndex % endpoints.Length];
        long start = Stopwatch.GetTimestamp();
        var state = new StreamState();
        try
        {
            using var message = new HttpRequestMessage(HttpMethod.Post, endpoint)
            {
                Content = new ByteArrayContent(OpenAiRequestBody.Create(options, request)),
            };
            message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
            message.Headers.ConnectionClose = !options.KeepAlive;
            if (!string.IsNullOrEmpty(options.ApiKey))
            {
                message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.ApiKey);
            }

            using var response = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                string body = await ReadSnippetAsync(response, timeout.Token);
                return Fail(request, start, state, new ServingError(ServingErrorKind.HttpStatus,
                    $"HTTP {(int)response.StatusCode} {response.ReasonPhrase} from {endpoint}{(body.Length > 0 ? ": " + body : "")}", (int)response.StatusCode));
            }

            string? mediaType = response.Content.Headers.ContentType?.MediaType;
            if (!string.Equals(mediaType, "text/event-stream", StringComparison.OrdinalIgnoreCase))
            {
                string body = await ReadSnippetAsync(response, timeout.Token);
                return Fail(request, start, state, new ServingError(ServingErrorKind.MalformedStream, $"expected an event stream from {endpoint}, got '{mediaType}': {body}"));
            }

            await using var stream = await response.Content.ReadAsStreamAsync(timeout.Token);
            var parser = SseParser.Create(stream, static (_, data) => StreamChunkParser.Parse(data));
            await foreach (var item in parser.EnumerateAsync(timeout.Token))
            {
                double arrivedMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                var chunk = item.Data;
                if (chunk.ErrorMessage is { } error)
                {
                    return Fail(request, start, state, new ServingError(ServingErrorKind.HttpStatus,
                        $"error in the stream from {endpoint}{(chunk.ErrorCode is { } c ? $" (code {c})" : "")}: {Redact(error)}", chunk.ErrorCode));
                }

                if (chunk.Done)
                {
                    state.Done = true;
                    state.DoneMs = arrivedMs;
                    break;
                }

                state.Add(chunk, arrivedMs);
            }

            if (!state.Done && state.FinishReason is null)
            {
                return Fail(request, start, state, new ServingError(ServingErrorKind.CutStream,
                    $"the stream from {endpoint} ended after {state.ChunkMs.Count} chunk(s) without [DONE] or a finish reason"));
            }

            return state.Complete(request, state.Done ? state.DoneMs : Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
        catch (JsonException e)
        {
            return Fail(request, start, state, new ServingError(ServingErrorKind.MalformedStream, $"malformed chunk from {endpoint}: {e.Message}"));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Fail(request, start, state, new ServingError(ServingErrorKind.Timeout,
                $"no complete answer from {endpoint} within {options.RequestTimeout.TotalSeconds:0.#} s ({state.ChunkMs.Count} chunk(s) received)"));
        }
        catch (HttpRequestException e) when (e.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError
            || e.InnerException is SocketException)
        {
            return state.ChunkMs.Count == 0 && e.HttpRequestError != HttpRequestError.ResponseEnded
                ? Fail(request, start, state, new ServingError(ServingErrorKind.Refused, $"cannot connect to {endpoint}: {Inner(e)}"))
                : Fail(request, start, state, new ServingError(ServingErrorKind.CutStream, $"the connection to {endpoint} broke: {Inner(e)}"));
        }
        catch (Exception e) when (e is HttpRequestException or HttpIOException or IOException)
        {
            return Fail(request, start, state, new ServingError(ServingErrorKind.CutStream,
                $"the stream from {endpoint} broke after {state.ChunkMs.Count} chunk(s): {Inner(e)}"));
        }
    }

    public void Dispose() => http.Dispose();

    private static string Inner(Exception e) => e.InnerException is { } inner ? $"{e.Message} ({inner.Message})" : e.Message;

    private string Redact(string text) =>
        string.IsNullOrEmpty(options.ApiKey) ? text : text.Replace(options.ApiKey, "***", StringComparison.Ordinal);

    private async Task<string> ReadSnippetAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            string body = await response.Content.ReadAsStringAsync(cancellationToken);
            body = body.ReplaceLineEndings(" ").Trim();
            return Redact(body.Length > 200 ? body[..200] + "..." : body);
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            return "";
        }
    }

    private static ServingSample Fail(ServingRequest request, long start, StreamState state, ServingError error) =>
        state.Complete(request, Stopwatch.GetElapsedTime(start).TotalMilliseconds) with { Error = error };
}
