using System.Collections.Immutable;
using QuantBench.Serving;

namespace QuantBench.OpenAi;

/// <summary>
/// How to reach OpenAI-compatible servers: their base URLs (<c>http://host:port</c>, with or without <c>/v1</c>),
/// the API, the model name and the key. The key is sent as a bearer token and kept nowhere else.
/// </summary>
public sealed record OpenAiClientOptions
{
    public required ImmutableArray<Uri> Urls { get; init; }
    public ServingApi Api { get; init; } = ServingApi.Completions;
    public string? Model { get; init; }
    public string? ApiKey { get; init; }
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(60);
    /// <summary>
    /// Reuse connections between requests. Off by default: llama-server (b10361) closes the connection after every
    /// streamed answer without saying so (no <c>Connection: close</c>), so a reused connection fails as a cut stream
    /// the server never cut. Off, every request asks for <c>Connection: close</c> and opens its own (one TCP handshake,
    /// included in its TTFT).
    /// </summary>
    public bool KeepAlive { get; init; }

    /// <summary>Send <c>ignore_eos</c> (llama-server, vLLM) so every request generates max_tokens.</summary>
    public bool IgnoreEos { get; init; } = true;

    /// <summary>The server's root: the URL without a trailing <c>/v1</c>.</summary>
    public static Uri Root(Uri url)
    {
        string text = url.GetLeftPart(UriPartial.Path).TrimEnd('/');
        if (text.EndsWith("/v1", StringComparison.OrdinalIgnoreCase))
        {
            text = text[..^3];
        }

        return new Uri(text + "/");
    }

    /// <summary>The URL as it may be recorded: without user name or password.</summary>
    public static string Display(Uri url) => new UriBuilder(url) { UserName = "", Password = "" }.Uri.ToString().TrimEnd('/');
}
