using System.Collections.Immutable;

namespace QuantBench.Engines;

/// <summary>
/// Builds benchmark prompts as llama-bench does: BOS (when the model has one) followed by token ids
/// drawn uniformly from the vocabulary, from a fixed seed so every model sees the same ids.
/// </summary>
public static class PromptFactory
{
    public static ImmutableArray<int> Create(int length, int vocabularySize, int? beginningOfSequence, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(vocabularySize, 1);
        var random = new Random(seed);
        var tokens = ImmutableArray.CreateBuilder<int>(length);
        if (beginningOfSequence is { } bos)
        {
            tokens.Add(bos);
        }

        while (tokens.Count < length)
        {
            tokens.Add(random.Next(vocabularySize));
        }

        return tokens.MoveToImmutable();
    }
}
