using System.Collections.Immutable;

namespace QuantBench.Serving;

/// <summary>A server's own tokenizer (llama-server's and vLLM's <c>/tokenize</c> and <c>/detokenize</c>).</summary>
public interface IServingTokenizer
{
    /// <summary>The token ids of <paramref name="text"/>, or null when the server has no tokenizer endpoint.</summary>
    Task<ImmutableArray<int>?> TokenizeAsync(string text, CancellationToken cancellationToken);

    Task<string> DetokenizeAsync(IReadOnlyList<int> tokens, CancellationToken cancellationToken);
}
