namespace QuantBench.Gguf;

/// <summary>Checks a GGUF file's token list as llama.cpp's vocabulary loader will need it.</summary>
internal static class GgufVocabularyCheck
{
    // llama.cpp (llama-vocab.cpp) maps each token string to its id and then asserts
    // id_to_token.size() == token_to_id.size(): a repeated string aborts the process. An empty string
    // is renamed "[EMPTY_<id>]" by b10361 but not by every build, so both are refused here, in managed code.
    internal static void Validate(string path, GgufMetadata metadata)
    {
        if (!metadata.TryGetValue(GgufKeys.Tokens, out var tokens))
        {
            return;
        }

        if (tokens.Type != GgufValueType.Array || tokens.ElementType != GgufValueType.String)
        {
            throw new GgufFormatException(path, $"'{GgufKeys.Tokens}' is not an array of strings");
        }

        var firstIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var items = tokens.AsArray();
        for (int i = 0; i < items.Length; i++)
        {
            string token = items[i].AsString();
            if (token.Length == 0)
            {
                throw new GgufFormatException(path, $"vocabulary token {i} is an empty string (llama.cpp cannot load it reliably)");
            }

            if (!firstIndex.TryAdd(token, i))
            {
                throw new GgufFormatException(path,
                    $"vocabulary tokens {firstIndex[token]} and {i} are the same string \"{Printable(token)}\" (llama.cpp would abort loading it)");
            }
        }
    }

    private static string Printable(string token)
    {
        string shown = token.Length > 40 ? token[..40] + "..." : token;
        return string.Concat(shown.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));
    }
}
