using System.Collections.Immutable;

namespace QuantBench.Serving;

/// <summary>The requests a sweep sends: prompts used in turn, a fixed output length, servers taken in turn.</summary>
public sealed record ServingWorkload(ImmutableArray<ServingPrompt> Prompts, int MaxTokens)
{
    /// <summary>
    /// Send each prompt as its token ids (where it has them) rather than its text, so that every server of a ladder gets
    /// exactly the same tokens; only for a completions API whose server accepts a prompt of token ids.
    /// </summary>
    public bool SendTokenIds { get; init; }

    public ServingRequest Request(int index, int serverCount)
    {
        if (Prompts.IsEmpty)
        {
            throw new InvalidOperationException("the workload has no prompt");
        }

        var prompt = Prompts[index % Prompts.Length];
        return new ServingRequest(index, prompt.Text, prompt.Tokens, MaxTokens, index % Math.Max(1, serverCount))
        {
            PromptTokenIds = SendTokenIds ? prompt.TokenIds : [],
        };
    }
}
