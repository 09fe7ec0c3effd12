using System.Collections.Immutable;
using QuantBench.Synthetic;

namespace QuantBench.Serving;

/// <summary>
/// Makes prompts of known token lengths from a text (a corpus file, or common English words in a seeded order):
/// with the server's tokenizer each prompt is a window of exactly N of its tokens, turned back into text; without
/// one it is N words, an estimate the server's <c>usage</c> then corrects.
/// </summary>
public static class ServingPromptBuilder
{
    public static async Task<(ImmutableArray<ServingPrompt> Prompts, PromptLengthSource Source)> BuildAsync(
        IServingTokenizer? tokenizer, string? corpus, PromptLengthRange lengths, int count, int seed, CancellationToken cancellationToken)
    {
        var random = new Random(seed);
        int[] sizes = Enumerable.Range(0, Math.Max(1, count)).Select(_ => lengths.Draw(random)).ToArray();
        // Enough text for every prompt to start at its own place: a prompt sent twice would be answered from the
        // server's prompt cache.
        string[] words = Words(corpus, lengths.Max * 2 + 64 + 2 * sizes.Length, random);
        string text = string.Join(' ', words);
        var tokens = tokenizer is null ? null : await tokenizer.TokenizeAsync(text, cancellationToken);
        if (tokens is not { } ids)
        {
            var wordStarts = DistinctStarts(words.Length - lengths.Max + 1, sizes.Length, random);
            var estimated = sizes.Select((n, i) => new ServingPrompt(string.Join(' ', Window(words, n, wordStarts[i])), null));
            return ([.. estimated], PromptLengthSource.Estimate);
        }

        if (ids.Length < lengths.Max)
        {
            throw new InvalidOperationException($"the text has only {ids.Length} tokens; prompts of {lengths.Max} need a longer --text");
        }

        var prompts = ImmutableArray.CreateBuilder<ServingPrompt>(sizes.Length);
        var starts = DistinctStarts(ids.Length - lengths.Max + 1, sizes.Length, random);
        int[] all = ids.AsSpan().ToArray();
        for (int i = 0; i < sizes.Length; i++)
        {
            int n = sizes[i];
            var window = Window(all, n, starts[i]);
            prompts.Add(new ServingPrompt(await tokenizer!.DetokenizeAsync(window, cancellationToken), n) { TokenIds = [.. window] });
        }

        return (prompts.MoveToImmutable(), PromptLengthSource.ServerTokenizer);
    }

    // A corpus is repeated until long enough; without one, common words in a seeded random order.
    private static string[] Words(string? corpus, int atLeast, Random random)
    {
        string[] source = corpus is null
            ? [.. EnglishWords.MostCommon]
            : corpus.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (source.Length == 0)
        {
            throw new InvalidOperationException("the prompt text has no words");
        }

        return corpus is null
            ? [.. Enumerable.Range(0, atLeast).Select(_ => source[random.Next(source.Length)])]
            : [.. Enumerable.Range(0, Math.Max(atLeast, Math.Min(source.Length, 4 * atLeast))).Select(i => source[i % source.Length])];
    }

    private static T[] Window<T>(T[] items, int n, int start)
    {
        start = Math.Clamp(start, 0, Math.Max(0, items.Length - n));
        return items.AsSpan(start, Math.Min(n, items.Length)).ToArray();
    }

    // Seeded start positions, all different while there are enough positions (a partial Fisher-Yates shuffle).
    internal static int[] DistinctStarts(int positions, int count, Random random)
    {
        positions = Math.Max(1, positions);
        int[] pool = [.. Enumerable.Range(0, positions)];
        var starts = new int[count];
        for (int i = 0; i < count; i++)
        {
            int k = i % positions;
            int j = k + random.Next(positions - k);
            (pool[k], pool[j]) = (pool[j], pool[k]);
            starts[i] = pool[k];
        }

        return starts;
    }
}
