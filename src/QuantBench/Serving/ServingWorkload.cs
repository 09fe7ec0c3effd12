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

    /// <summary>
    /// Request <paramref name="index"/> of a point, on prompt <paramref name="promptIndex"/> (by default the same index).
    /// A sweep gives every request of every point its own prompt (<see cref="ServingSweepPlan.FirstPrompt"/>): a prompt
    /// sent again would be answered from the server's prompt cache, and its TTFT would measure no prefill.
    /// </summary>
    public ServingRequest Request(int index, int serverCount, int? promptIndex = null)
    {
        if (Prompts.IsEmpty)
        {
            throw new InvalidOperationException("the workload has no prompt");
        }

        var prompt = Prompts[(promptIndex ?? index) % Prompts.Length];
        return new ServingRequest(index, prompt.Text, prompt.Tokens, MaxTokens, index % Math.Max(1, serverCount))
        {
            PromptTokenIds = SendTokenIds ? prompt.TokenIds : [],
        };
    }
}
