using System.Collections.Immutable;

namespace QuantBench.Serving;

/// <summary>A prompt and its length in tokens: exact when the server's tokenizer counted it, else null (an estimate).</summary>
public sealed record ServingPrompt(string Text, int? Tokens)
{
    /// <summary>The prompt as the server's token ids (a window of its own tokenization); empty when it has no tokenizer.</summary>
    public ImmutableArray<int> TokenIds { get; init; } = [];
}
