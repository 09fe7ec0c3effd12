using System.Collections.Immutable;

namespace QuantBench.Models;

/// <summary>Parsing and facts about <see cref="QuantizationType"/>: names, block sizes, and the default ladder.</summary>
public static class QuantizationTypes
{
    /// <summary>The embedded default's ladder, from most to least precise (the F32 base is measured beside it).</summary>
    public static ImmutableArray<QuantizationType> DefaultLadder { get; } =
    [
        QuantizationType.F16, QuantizationType.Q8_0, QuantizationType.Q6_K, QuantizationType.Q5_K_M,
        QuantizationType.Q4_K_M, QuantizationType.Q4_0, QuantizationType.Q3_K_M, QuantizationType.Q2_K,
    ];

    /// <summary>Parses a name such as <c>q4_k_m</c> or <c>Q8_0</c>, ignoring case.</summary>
    public static bool TryParse(string text, out QuantizationType type)
    {
        string name = text.Trim().Replace('-', '_');
        foreach (var candidate in Enum.GetValues<QuantizationType>())
        {
            if (string.Equals(candidate.ToString(), name, StringComparison.OrdinalIgnoreCase))
            {
                type = candidate;
                return true;
            }
        }

        type = default;
        return false;
    }

    /// <summary>Parses a comma-separated list; every unknown name is reported at once.</summary>
    public static ImmutableArray<QuantizationType> ParseList(string text)
    {
        var types = ImmutableArray.CreateBuilder<QuantizationType>();
        var unknown = new List<string>();
        foreach (string part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (TryParse(part, out var type))
            {
                types.Add(type);
            }
            else
            {
                unknown.Add(part);
            }
        }

        if (unknown.Count > 0)
        {
            throw new FormatException($"unknown quantization type{(unknown.Count > 1 ? "s" : "")} {string.Join(", ", unknown.Select(u => $"'{u}'"))}; known: {KnownNames}");
        }

        if (types.Count == 0)
        {
            throw new FormatException($"no quantization type given; known: {KnownNames}");
        }

        return types.ToImmutable();
    }

    public static string KnownNames => string.Join(", ", Enum.GetNames<QuantizationType>().Select(n => n.ToLowerInvariant()));

    /// <summary>
    /// Elements per quantization block of the type's main weight format; a weight row's length must be a
    /// multiple of it (K-quants use super-blocks of 256, the legacy formats blocks of 32).
    /// </summary>
    public static int BlockSize(QuantizationType type) => type switch
    {
        QuantizationType.F32 or QuantizationType.F16 or QuantizationType.BF16 => 1,
        QuantizationType.Q4_0 or QuantizationType.Q4_1 or QuantizationType.Q5_0 or QuantizationType.Q5_1
            or QuantizationType.Q8_0 or QuantizationType.IQ4_NL => 32,
        _ => 256,
    };

    /// <summary>The nearest type with a smaller block, offered when a tensor's rows do not fit a type's blocks.</summary>
    public static QuantizationType Fallback(QuantizationType type) => type switch
    {
        QuantizationType.Q6_K or QuantizationType.Q5_K_M or QuantizationType.Q5_K_S => QuantizationType.Q5_0,
        QuantizationType.Q4_K_M or QuantizationType.Q4_K_S or QuantizationType.IQ4_XS => QuantizationType.Q4_0,
        QuantizationType.Q3_K_S or QuantizationType.Q3_K_M or QuantizationType.Q3_K_L or QuantizationType.Q2_K => QuantizationType.Q4_0,
        _ => QuantizationType.F16,
    };

    /// <summary>The name as llama-quantize prints it, e.g. <c>Q4_K_M</c>.</summary>
    public static string DisplayName(QuantizationType type) => type.ToString();
}
