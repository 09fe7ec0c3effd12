using System.Collections.Immutable;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using QuantBench.Serving;

namespace QuantBench.OpenAi;

/// <summary>
/// The server's <c>/tokenize</c> and <c>/detokenize</c> (llama-server: <c>content</c> / <c>tokens</c>; vLLM:
/// <c>prompt</c> / <c>tokens</c>); a server without them (404, 405) has no tokenizer, and the prompt lengths are estimates.
/// </summary>
public sealed class OpenAiServerTokenizer(HttpClient http, Uri url, string? model, string? apiKey) : IServingTokenizer
{
    private readonly Uri root = OpenAiClientOptions.Root(url);

    public async Task<ImmutableArray<int>?> TokenizeAsync(string text, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["content"] = text, ["prompt"] = text, ["add_special"] = false };
        using var response = await PostAsync("tokenize", body, cancellationToken);
        if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed or HttpStatusCode.NotImplemented)
        {
            return null;
        }

        var json = await ReadAsync(response, "tokenize", cancellationToken);
        return json["tokens"] is JsonArray tokens
            ? [.. tokens.Select(t => t!.GetValue<int>())]
            : throw new InvalidOperationException($"{root}tokenize answered without 'tokens'");
    }

    public async Task<string> DetokenizeAsync(IReadOnlyList<int> tokens, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["tokens"] = new JsonArray([.. tokens.Select(t => JsonValue.Create(t))]) };
        using var response = await PostAsync("detokenize", body, cancellationToken);
        var json = await ReadAsync(response, "detokenize", cancellationToken);
        return (json["content"] ?? json["prompt"])?.GetValue<string>()
            ?? throw new InvalidOperationException($"{root}detokenize answered without 'content' or 'prompt'");
    }

    private async Task<HttpResponseMessage> PostAsync(string path, JsonObject body, CancellationToken cancellationToken)
    {
        if (model is not null)
        {
            body["model"] = model;
        }

        using var message = new HttpRequestMessage(HttpMethod.Post, new Uri(root, path)) { Content = JsonContent.Create(body) };
        if (!string.IsNullOrEmpty(apiKey))
        {
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }

        return await http.SendAsync(message, cancellationToken);
    }

    private async Task<JsonNode> ReadAsync(HttpResponseMessage response, string path, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{root}{path} answered HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
        }

        try
        {
            return JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))
                ?? throw new InvalidOperationException($"{root}{path} answered nothing");
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"{root}{path} answered something that is not JSON ({e.Message})", e);
        }
    }
}
