using System.Collections.Immutable;

namespace QuantBench.Quality;

/// <summary>
/// The engine seam for quality measurement: a loaded model that tokenizes text and returns the
/// raw next-token logits of a chunk evaluated from an empty context.
/// </summary>
public interface ILogitsEvaluator
{
    /// <summary>Number of tokens in the vocabulary, the length of one logits row.</summary>
    int VocabularySize { get; }

    /// <summary>
    /// The beginning-of-sequence token that replaces the first token of every chunk, or null when the
    /// model does not add one (llama-perplexity replaces it only when the vocabulary asks for a BOS).
    /// </summary>
    int? BeginningOfSequenceToken { get; }

    /// <summary>Tokenizes text as llama.cpp's tools do (special tokens are parsed as plain text).</summary>
    ImmutableArray<int> Tokenize(string text, bool addBos);

    /// <summary>
    /// Evaluates <paramref name="tokens"/> from an empty context and writes the logits of positions
    /// <paramref name="firstScoredPosition"/> .. tokens.Length - 2 (each predicting the next token),
    /// row after row, into <paramref name="logits"/>, which holds
    /// (tokens.Length - 1 - firstScoredPosition) × <see cref="VocabularySize"/> values.
    /// </summary>
    void EvaluateChunk(ReadOnlySpan<int> tokens, int firstScoredPosition, Span<float> logits, CancellationToken cancellationToken);

    /// <summary>
    /// The most chunks <see cref="EvaluateChunks"/> takes in one call: llama-perplexity decodes n_batch / n_ctx
    /// chunks together, each as its own sequence, which keeps every core busy on small contexts.
    /// </summary>
    int ChunksPerCall => 1;

    /// <summary>
    /// Evaluates <paramref name="tokens"/>, consecutive chunks of <paramref name="chunkTokens"/> each (at most
    /// <see cref="ChunksPerCall"/>), every chunk from an empty context of its own, and writes each chunk's rows as
    /// <see cref="EvaluateChunk"/> would, chunk after chunk. The logits must not depend on how chunks are grouped.
    /// </summary>
    void EvaluateChunks(ReadOnlySpan<int> tokens, int chunkTokens, int firstScoredPosition, Span<float> logits, CancellationToken cancellationToken)
    {
        int rows = chunkTokens - 1 - firstScoredPosition;
        for (int c = 0; c < tokens.Length / chunkTokens; c++)
        {
            EvaluateChunk(tokens.Slice(c * chunkTokens, chunkTokens), firstScoredPosition, logits.Slice(c * rows * VocabularySize, rows * VocabularySize), cancellationToken);
        }
    }

    /// <summary>
    /// Generates <paramref name="length"/> tokens from an empty context: the model's start token (its
    /// BOS, or its EOS when it has no BOS) followed by tokens drawn one at a time by <paramref name="sampler"/>
    /// from the model's own next-token logits. End-of-sequence does not stop it.
    /// </summary>
    ImmutableArray<int> SampleSequence(int length, TemperatureSampler sampler, CancellationToken cancellationToken);
}
