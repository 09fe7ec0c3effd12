using System.Collections.Immutable;

namespace QuantBench.Engines;

/// <summary>One request: the prompt tokens to prefill and how many tokens to generate.</summary>
public sealed record GenerationRequest(ImmutableArray<int> PromptTokens, int OutputTokens)
{
    public int PromptLength => PromptTokens.Length;
}
