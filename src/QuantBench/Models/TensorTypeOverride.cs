using QuantBench.Gguf;

namespace QuantBench.Models;

/// <summary>
/// llama-quantize's <c>--tensor-type PATTERN=TYPE</c>: every quantized weight whose name the regular
/// expression <see cref="Pattern"/> finds (searched, not matched whole, as <c>std::regex_search</c>) gets <see cref="Type"/>.
/// </summary>
public sealed record TensorTypeOverride(string Pattern, GgmlType Type)
{
    /// <summary>Parses <c>PATTERN=TYPE</c> as llama-quantize does: the pattern lower-cased, the type a ggml type name in any case.</summary>
    /// <exception cref="FormatException">The text is not <c>PATTERN=TYPE</c>, the type is unknown or the pattern is not a valid regular expression.</exception>
    public static TensorTypeOverride Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int separator = text.IndexOf('=', StringComparison.Ordinal);
        if (separator <= 0 || separator == text.Length - 1)
        {
            throw new FormatException($"tensor type '{text}' is not PATTERN=TYPE (e.g. ffn_down=q8_0)");
        }

        string pattern = text[..separator].Trim().ToLowerInvariant();
        string typeName = text[(separator + 1)..].Trim();
        if (!GgmlTypeNames.TryParse(typeName, out var type))
        {
            throw new FormatException($"tensor type '{text}': unknown ggml type '{typeName}'; known: {GgmlTypeNames.QuantizerTargets}");
        }

        try
        {
            _ = new System.Text.RegularExpressions.Regex(pattern);
        }
        catch (ArgumentException e)
        {
            throw new FormatException($"tensor type '{text}': the pattern is not a regular expression ({e.Message})");
        }

        return new TensorTypeOverride(pattern, type);
    }
}
