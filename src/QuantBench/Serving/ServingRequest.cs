using System.Collections.Immutable;

namespace QuantBench.Serving;

/// <summary>One request to send: its prompt, the output length asked for, and which of the servers gets it.</summary>
/// <param name="PromptTokens">The prompt's length in tokens as the server counted it, or null when it is an estimate.</param>
public sealed record ServingRequest(int Index, string Prompt, int? PromptTokens, int MaxTokens, int UrlIndex)
{
    /// <summary>Send the prompt as these token ids instead of its text (completions only); empty: send the text.</summary>
    public ImmutableArray<int> PromptTokenIds { get; init; } = [];
}
