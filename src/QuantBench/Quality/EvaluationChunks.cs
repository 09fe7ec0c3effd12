namespace QuantBench.Quality;

/// <summary>llama-perplexity's way of cutting a tokenized text into chunks and preparing each for evaluation.</summary>
internal static class EvaluationChunks
{
    /// <summary>
    /// How many whole chunks of n_ctx tokens to evaluate: all the text holds (a trailing partial chunk is
    /// dropped), capped by the token budget. Like llama-perplexity, a text of fewer than 2 × n_ctx tokens is refused.
    /// </summary>
    internal static int Count(int textTokens, QualityOptions options, string textPath)
    {
        if (textTokens < 2 * options.ContextTokens)
        {
            throw new QualityEvaluationException(textPath,
                $"the text tokenizes to only {textTokens} tokens; a context of {options.ContextTokens} needs at least {2 * options.ContextTokens}");
        }

        return Math.Min(textTokens / options.ContextTokens, options.MaxChunks);
    }

    /// <summary>
    /// Copies a chunk into the tokens a model evaluates: the first token becomes the model's BOS (when it
    /// adds one), so every chunk starts as a document does; it is never scored, so the replaced token is not lost.
    /// </summary>
    internal static void PrepareInput(ReadOnlySpan<int> chunk, int? beginningOfSequence, Span<int> input)
    {
        chunk.CopyTo(input);
        if (beginningOfSequence is { } bos)
        {
            input[0] = bos;
        }
    }
}
