using QuantBench.Gguf;

namespace QuantBench.Models;

/// <summary>ggml tensor type names as llama-quantize's options take them (<c>q8_0</c>, <c>F16</c>, ...), ignoring case.</summary>
public static class GgmlTypeNames
{
    /// <summary>The types llama.cpp's quantizer can write a weight in (not Q8_1/Q8_K, which are only for dot products, nor integers).</summary>
    public static IReadOnlyList<GgmlType> Targets { get; } = GgmlTypeTraits.All.Select(i => i.Type)
        .Where(t => t is not (GgmlType.Q8_1 or GgmlType.Q8_K or GgmlType.I8 or GgmlType.I16 or GgmlType.I32 or GgmlType.I64 or GgmlType.F64
            or GgmlType.Q1_0 or GgmlType.Q2_0))
        .ToArray();

    public static string QuantizerTargets => string.Join(", ", Targets.Select(t => t.ToString().ToLowerInvariant()));

    public static bool TryParse(string text, out GgmlType type)
    {
        foreach (var candidate in Targets)
        {
            if (string.Equals(candidate.ToString(), text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                type = candidate;
                return true;
            }
        }

        type = default;
        return false;
    }
}
