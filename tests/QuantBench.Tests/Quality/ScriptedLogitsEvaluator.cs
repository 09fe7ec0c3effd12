using System.Collections.Immutable;
using QuantBench.Quality;

namespace QuantBench.Tests.Quality;

/// <summary>Writes one logits row for a position of a chunk (the row predicts the token after it).</summary>
internal delegate void LogitsScript(ReadOnlySpan<int> chunk, int position, Span<float> row);

/// <summary>A model with no weights: logits come from a script, tokens are the text's characters, and every call is recorded.</summary>
internal sealed class ScriptedLogitsEvaluator(int vocabularySize, int? bos, LogitsScript script) : ILogitsEvaluator
{
    public int VocabularySize => vocabularySize;

    public int? BeginningOfSequenceToken => bos;

    public List<(ImmutableArray<int> Tokens, int FirstScored)> Chunks { get; } = [];

    /// <summary>Chunks taken by one <see cref="EvaluateChunks"/> call at most.</summary>
    public int ChunksPerCall { get; init; } = 1;

    /// <summary>How many <see cref="EvaluateChunks"/> calls were made.</summary>
    public int Calls { get; private set; }

    public void EvaluateChunks(ReadOnlySpan<int> tokens, int chunkTokens, int firstScoredPosition, Span<float> logits, CancellationToken cancellationToken)
    {
        Calls++;
        int chunks = tokens.Length / chunkTokens;
        Assert.InRange(chunks, 1, ChunksPerCall);
        Assert.Equal(chunks * chunkTokens, tokens.Length);
        int rows = chunkTokens - 1 - firstScoredPosition;
        for (int c = 0; c < chunks; c++)
        {
            EvaluateChunk(tokens.Slice(c * chunkTokens, chunkTokens), firstScoredPosition, logits.Slice(c * rows * vocabularySize, rows * vocabularySize), cancellationToken);
        }
    }

    /// <summary>Each character's code modulo the vocabulary, after an optional BOS.</summary>
    public ImmutableArray<int> Tokenize(string text, bool addBos)
    {
        var tokens = ImmutableArray.CreateBuilder<int>();
        if (addBos && bos is { } b)
        {
            tokens.Add(b);
        }

        foreach (char c in text)
        {
            tokens.Add(c % vocabularySize);
        }

        return tokens.ToImmutable();
    }

    public void EvaluateChunk(ReadOnlySpan<int> tokens, int firstScoredPosition, Span<float> logits, CancellationToken cancellationToken)
    {
        Chunks.Add((tokens.ToImmutableArray(), firstScoredPosition));
        int rows = tokens.Length - 1 - firstScoredPosition;
        Assert.Equal(rows * vocabularySize, logits.Length);
        for (int r = 0; r < rows; r++)
        {
            script(tokens, firstScoredPosition + r, logits.Slice(r * vocabularySize, vocabularySize));
        }
    }

    public ImmutableArray<int> SampleSequence(int length, TemperatureSampler sampler, CancellationToken cancellationToken)
    {
        var tokens = new List<int> { bos ?? 0 };
        var row = new float[vocabularySize];
        while (tokens.Count < length)
        {
            script(tokens.ToArray(), tokens.Count - 1, row);
            tokens.Add(sampler.Next(row));
        }

        return [.. tokens];
    }
}
