using System.Collections.Immutable;
using QuantBench.Gguf;

namespace QuantBench.Models;

/// <summary>Parsing and facts about <see cref="QuantizationType"/>: names, main tensor types, families and the default ladder.</summary>
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
        // llama-quantize's aliases: Q3_K, Q4_K and Q5_K are the _M mixes.
        if (name.ToUpperInvariant() is "Q3_K" or "Q4_K" or "Q5_K")
        {
            name += "_M";
        }

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
    /// The tensor type a level starts every quantized weight at before llama.cpp's per-tensor rules adjust it
    /// (llama-quant.cpp <c>llama_ftype_get_default_type</c>).
    /// </summary>
    public static GgmlType DefaultTensorType(QuantizationType type) => type switch
    {
        QuantizationType.F32 => GgmlType.F32,
        QuantizationType.F16 => GgmlType.F16,
        QuantizationType.BF16 => GgmlType.BF16,
        QuantizationType.Q4_0 => GgmlType.Q4_0,
        QuantizationType.Q4_1 => GgmlType.Q4_1,
        QuantizationType.Q5_0 => GgmlType.Q5_0,
        QuantizationType.Q5_1 => GgmlType.Q5_1,
        QuantizationType.Q8_0 => GgmlType.Q8_0,
        QuantizationType.MXFP4_MOE => GgmlType.MXFP4,
        QuantizationType.Q2_K or QuantizationType.Q2_K_S => GgmlType.Q2_K,
        QuantizationType.IQ3_XS => GgmlType.IQ3_S,
        QuantizationType.Q3_K_S or QuantizationType.Q3_K_M or QuantizationType.Q3_K_L => GgmlType.Q3_K,
        QuantizationType.Q4_K_S or QuantizationType.Q4_K_M => GgmlType.Q4_K,
        QuantizationType.Q5_K_S or QuantizationType.Q5_K_M => GgmlType.Q5_K,
        QuantizationType.Q6_K => GgmlType.Q6_K,
        QuantizationType.TQ1_0 => GgmlType.TQ1_0,
        QuantizationType.TQ2_0 => GgmlType.TQ2_0,
        QuantizationType.IQ2_XXS => GgmlType.IQ2_XXS,
        QuantizationType.IQ2_XS or QuantizationType.IQ2_S => GgmlType.IQ2_XS,
        QuantizationType.IQ2_M => GgmlType.IQ2_S,
        QuantizationType.IQ3_XXS => GgmlType.IQ3_XXS,
        QuantizationType.IQ1_S => GgmlType.IQ1_S,
        QuantizationType.IQ1_M => GgmlType.IQ1_M,
        QuantizationType.IQ4_NL => GgmlType.IQ4_NL,
        QuantizationType.IQ4_XS => GgmlType.IQ4_XS,
        QuantizationType.IQ3_S or QuantizationType.IQ3_M => GgmlType.IQ3_S,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "not a llama.cpp quantization level"),
    };

    /// <summary>
    /// The family of tensor types a level's name promises (K-quants for Q4_K_M, I-quants for IQ4_XS, ternary
    /// for TQ1_0, else the level's own tensor type), for saying how much of a model really is that.
    /// </summary>
    public static QuantizationFamily FamilyOf(QuantizationType type)
    {
        var main = DefaultTensorType(type);
        return main switch
        {
            GgmlType.Q2_K or GgmlType.Q3_K or GgmlType.Q4_K or GgmlType.Q5_K or GgmlType.Q6_K =>
                new QuantizationFamily("K-quant", [GgmlType.Q2_K, GgmlType.Q3_K, GgmlType.Q4_K, GgmlType.Q5_K, GgmlType.Q6_K, GgmlType.Q8_K]),
            GgmlType.IQ1_S or GgmlType.IQ1_M or GgmlType.IQ2_XXS or GgmlType.IQ2_XS or GgmlType.IQ2_S or GgmlType.IQ3_XXS
                or GgmlType.IQ3_S or GgmlType.IQ4_NL or GgmlType.IQ4_XS =>
                new QuantizationFamily("I-quant", [GgmlType.IQ1_S, GgmlType.IQ1_M, GgmlType.IQ2_XXS, GgmlType.IQ2_XS, GgmlType.IQ2_S,
                    GgmlType.IQ3_XXS, GgmlType.IQ3_S, GgmlType.IQ4_NL, GgmlType.IQ4_XS]),
            GgmlType.TQ1_0 or GgmlType.TQ2_0 => new QuantizationFamily("ternary", [GgmlType.TQ1_0, GgmlType.TQ2_0]),
            _ => new QuantizationFamily(main.ToString(), [main]),
        };
    }
}
