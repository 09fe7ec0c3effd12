using System.Collections.Immutable;

namespace QuantBench.Serving;

/// <summary>
/// What was measured: the servers, the API and model name, and the request shape. Holds no secret: an API key is
/// recorded only as given or not.
/// </summary>
public sealed record ServingTarget
{
    public required ImmutableArray<string> Urls { get; init; }
    public required ServingApi Api { get; init; }
    public string? Model { get; init; }
    public bool ApiKeyGiven { get; init; }
    /// <summary>The prompt length asked for: <c>128</c>, or <c>128:512</c> for uniform lengths.</summary>
    public required string PromptTokens { get; init; }
    public required PromptLengthSource PromptLengths { get; init; }
    public required int OutputTokens { get; init; }
    /// <summary>Whether connections were reused between requests (else one connection per request).</summary>
    public bool KeepAlive { get; init; }
    /// <summary>Whether prompts were sent as the server's token ids (else as text the server tokenizes).</summary>
    public bool PromptTokenIds { get; init; }
    /// <summary>The corpus prompts were cut from, or null for the built-in word list.</summary>
    public string? TextFile { get; init; }
}
