using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Net.Sockets;

namespace QuantBench.OpenAi;

/// <summary>Checks a server answers before a sweep (so an unreachable URL is one clear error), and reads its Prometheus <c>/metrics</c>.</summary>
public static class OpenAiServerProbe
{
    /// <summary>Null when the server answers HTTP at all; otherwise why it cannot be reached.</summary>
    public static async Task<string?> UnreachableReasonAsync(HttpClient http, Uri url, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        try
        {
            using var response = await http.GetAsync(new Uri(OpenAiClientOptions.Root(url), "v1/models"), timeout.Token);
            return null;
        }
        catch (HttpRequestException e)
        {
            string why = e.InnerException is SocketException s ? s.Message : e.Message;
            return $"cannot reach {OpenAiClientOptions.Display(url)}: {why}";
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return $"cannot reach {OpenAiClientOptions.Display(url)}: no answer within 10 s";
        }
    }

    /// <summary>The server's <c>/metrics</c> text (at most 64 KiB), or null where it has none.</summary>
    public static async Task<string?> ReadMetricsAsync(HttpClient http, Uri url, string? apiKey, CancellationToken cancellationToken)
    {
        try
        {
            using var message = new HttpRequestMessage(HttpMethod.Get, new Uri(OpenAiClientOptions.Root(url), "metrics"));
            if (!string.IsNullOrEmpty(apiKey))
            {
                message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
            }

            using var response = await http.SendAsync(message, cancellationToken);
            if (!response.IsSuccessStatusCode || response.Content.Headers.ContentType?.MediaType is not ("text/plain" or "application/openmetrics-text"))
            {
                return null;
            }

            string text = await response.Content.ReadAsStringAsync(cancellationToken);
            return text.Length > 65536 ? text[..65536] : text;
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            return null;
        }
    }

    /// <summary>
    /// Whether the server's <c>/v1/completions</c> takes a prompt of token ids (llama-server and vLLM do; the OpenAI API
    /// allows it): one unstreamed request for a single token, answered 2xx.
    /// </summary>
    public static async Task<bool> AcceptsTokenIdPromptAsync(HttpClient http, Uri url, string? model, string? apiKey, IReadOnlyList<int> tokenIds, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["prompt"] = new JsonArray([.. tokenIds.Select(t => JsonValue.Create(t))]), ["max_tokens"] = 1, ["temperature"] = 0, ["stream"] = false };
        if (model is not null)
        {
            body["model"] = model;
        }

        using var message = new HttpRequestMessage(HttpMethod.Post, new Uri(OpenAiClientOptions.Root(url), "v1/completions")) { Content = JsonContent.Create(body) };
        if (!string.IsNullOrEmpty(apiKey))
        {
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }

        try
        {
            using var response = await http.SendAsync(message, cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }
}
