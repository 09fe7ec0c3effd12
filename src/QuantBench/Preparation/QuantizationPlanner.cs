using QuantBench.Gguf;
using QuantBench.Models;

namespace QuantBench.Preparation;

/// <summary>
/// Checks in managed code that llama.cpp's quantizer can take a model to a type, because the native
/// quantizer fails on a weight whose row length is not a multiple of the type's block.
/// </summary>
public static class QuantizationPlanner
{
    private static readonly GgmlType[] SourceTypes = [GgmlType.F32, GgmlType.F16, GgmlType.BF16];

    /// <summary>Every reason the file cannot be quantized to the type, one line each; empty when it can.</summary>
    public static IReadOnlyList<string> Check(GgufFile file, QuantizationType type)
    {
        ArgumentNullException.ThrowIfNull(file);
        var problems = new List<string>();
        var quantized = file.Tensors.Where(t => !SourceTypes.Contains(t.Type) && t.Dimensions.Length >= 2).ToArray();
        if (quantized.Length > 0)
        {
            problems.Add($"it is already quantized ({string.Join(", ", quantized.Select(t => t.Type).Distinct())}); quantize from an F32, F16 or BF16 model");
            return problems;
        }

        int block = QuantizationTypes.BlockSize(type);
        foreach (var tensor in file.Tensors.Where(IsQuantizedWeight))
        {
            long rowLength = tensor.Dimensions[0];
            if (rowLength % block != 0)
            {
                var fallback = QuantizationTypes.Fallback(type);
                string offer = fallback != QuantizationType.F16 && rowLength % QuantizationTypes.BlockSize(fallback) == 0
                    ? $"use {fallback.ToString().ToLowerInvariant()} (block {QuantizationTypes.BlockSize(fallback)}) instead"
                    : "use f16 instead";
                problems.Add($"tensor '{tensor.Name}' has rows of {rowLength} elements, not a multiple of {type}'s block of {block}; {offer}");
            }
        }

        return problems;
    }

    // llama.cpp quantizes the 2-D weight matrices; 1-D tensors (norms, biases) stay in floating point.
    private static bool IsQuantizedWeight(GgufTensorInfo tensor) =>
        tensor.Dimensions.Length >= 2 && tensor.Name.EndsWith(".weight", StringComparison.Ordinal);
}
