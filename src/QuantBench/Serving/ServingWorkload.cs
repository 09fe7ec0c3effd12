using System.Collections.Immutable;

namespace QuantBench.Serving;

/// <summary>The requests a sweep sends: prompts used in turn, a fixed output length, servers taken in turn.</summary>
public sealed record ServingWorkload(ImmutableArray<ServingPrompt> Prompts, int MaxTokens)
{
    public ServingRequest Request(int index, int serverCount)
    {
        if (Prompts.IsEmpty)
        {
            throw new InvalidOperationException("the workload has no prompt");
        }

        var prompt = Prompts[index % Prompts.Length];
        return new ServingRequest(index, prompt.Text, prompt.Tokens, MaxTokens, index % Math.Max(1, serverCount));
    }
}
