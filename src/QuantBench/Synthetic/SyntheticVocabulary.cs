using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace QuantBench.Synthetic;

/// <summary>
/// A SentencePiece-style (<c>tokenizer.ggml.model = llama</c>) vocabulary: &lt;unk&gt;, &lt;s&gt;, &lt;/s&gt;,
/// the 256 byte-fallback tokens, single characters, prefixes of common words (with and without the
/// word-start mark ▁), then letter pairs, triples, ... until the requested size. Longer pieces score
/// higher, so llama.cpp's merge-by-score tokenizer builds whole words when it can.
/// </summary>
internal sealed record SyntheticVocabulary(ImmutableArray<string> Tokens, ImmutableArray<float> Scores, ImmutableArray<int> TokenTypes)
{
    public const string WordStart = "\u2581"; // ▁
    public const int UnknownId = 0;
    public const int BosId = 1;
    public const int EosId = 2;

    // llama_token_type values stored in tokenizer.ggml.token_type.
    private const int Normal = 1;
    private const int Unknown = 2;
    private const int Control = 3;
    private const int Byte = 6;

    private const string Punctuation = ".,!?;:'\"-()";
    private const string Lowercase = "abcdefghijklmnopqrstuvwxyz";

    public static SyntheticVocabulary Build(int size)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, SyntheticModelPreset.MinVocabularySize);
        var tokens = new List<string>(size);
        var types = new List<int>(size);
        var seen = new HashSet<string>(StringComparer.Ordinal);

        void Add(string token, int type)
        {
            if (tokens.Count < size && seen.Add(token))
            {
                tokens.Add(token);
                types.Add(type);
            }
        }

        Add("<unk>", Unknown);
        Add("<s>", Control);
        Add("</s>", Control);
        for (var b = 0; b < 256; b++)
        {
            Add($"<0x{b.ToString("X2", CultureInfo.InvariantCulture)}>", Byte);
        }

        foreach (var piece in Pieces())
        {
            if (tokens.Count == size)
            {
                break;
            }

            Add(piece, Normal);
        }

        // Scores: 0 for special and byte tokens; otherwise 10 per character (longer pieces win merges),
        // minus a small tie-breaker by id that stays below one character's worth for any vocabulary size.
        var scores = new float[tokens.Count];
        var tieBreak = 5.0 / tokens.Count;
        for (var id = 0; id < tokens.Count; id++)
        {
            scores[id] = types[id] == Normal
                ? (float)(-1000 + 10 * new StringInfo(tokens[id]).LengthInTextElements - tieBreak * id)
                : 0f;
        }

        return new SyntheticVocabulary([.. tokens], [.. scores], [.. types]);
    }

    private static IEnumerable<string> Pieces()
    {
        yield return WordStart;
        foreach (var c in Lowercase + Lowercase.ToUpperInvariant() + "0123456789" + Punctuation)
        {
            yield return c.ToString();
        }

        var words = EnglishWords.MostCommon
            .Concat(EnglishWords.MostCommon.Take(EnglishWords.CapitalisedCount)
                .Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
        foreach (var word in words)
        {
            foreach (var prefix in Prefixes(WordStart + word))
            {
                yield return prefix;
            }

            foreach (var prefix in Prefixes(word))
            {
                yield return prefix;
            }
        }

        // Enough filler for any vocabulary: all letter strings of length 2, 3, ..., with and without ▁.
        for (var length = 2; ; length++)
        {
            foreach (var letters in LetterStrings(length))
            {
                yield return letters;
                yield return WordStart + letters;
            }
        }
    }

    private static IEnumerable<string> Prefixes(string word)
    {
        for (var length = 2; length <= word.Length; length++)
        {
            yield return word[..length];
        }
    }

    private static IEnumerable<string> LetterStrings(int length)
    {
        var indices = new int[length];
        var builder = new StringBuilder(length);
        while (true)
        {
            builder.Clear();
            foreach (var i in indices)
            {
                builder.Append(Lowercase[i]);
            }

            yield return builder.ToString();
            var position = length - 1;
            while (position >= 0 && ++indices[position] == Lowercase.Length)
            {
                indices[position--] = 0;
            }

            if (position < 0)
            {
                yield break;
            }
        }
    }
}
