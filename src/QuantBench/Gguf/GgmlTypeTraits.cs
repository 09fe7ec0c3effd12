using System.Collections.Frozen;

namespace QuantBench.Gguf;

/// <summary>
/// Block sizes and block byte sizes of every ggml type (ggml.c <c>type_traits</c>), so that the byte size
/// of a tensor can be computed without native code.
/// </summary>
public static class GgmlTypeTraits
{
    private const int QK_K = 256;

    private static readonly FrozenDictionary<GgmlType, GgmlTypeInfo> ById = new GgmlTypeInfo[]
    {
        new(GgmlType.F32, "F32", 1, 4),
        new(GgmlType.F16, "F16", 1, 2),
        new(GgmlType.Q4_0, "Q4_0", 32, 18),
        new(GgmlType.Q4_1, "Q4_1", 32, 20),
        new(GgmlType.Q5_0, "Q5_0", 32, 22),
        new(GgmlType.Q5_1, "Q5_1", 32, 24),
        new(GgmlType.Q8_0, "Q8_0", 32, 34),
        new(GgmlType.Q8_1, "Q8_1", 32, 36),
        new(GgmlType.Q2_K, "Q2_K", QK_K, 84),
        new(GgmlType.Q3_K, "Q3_K", QK_K, 110),
        new(GgmlType.Q4_K, "Q4_K", QK_K, 144),
        new(GgmlType.Q5_K, "Q5_K", QK_K, 176),
        new(GgmlType.Q6_K, "Q6_K", QK_K, 210),
        new(GgmlType.Q8_K, "Q8_K", QK_K, 292),
        new(GgmlType.IQ2_XXS, "IQ2_XXS", QK_K, 66),
        new(GgmlType.IQ2_XS, "IQ2_XS", QK_K, 74),
        new(GgmlType.IQ3_XXS, "IQ3_XXS", QK_K, 98),
        new(GgmlType.IQ1_S, "IQ1_S", QK_K, 50),
        new(GgmlType.IQ4_NL, "IQ4_NL", 32, 18),
        new(GgmlType.IQ3_S, "IQ3_S", QK_K, 110),
        new(GgmlType.IQ2_S, "IQ2_S", QK_K, 82),
        new(GgmlType.IQ4_XS, "IQ4_XS", QK_K, 136),
        new(GgmlType.I8, "I8", 1, 1),
        new(GgmlType.I16, "I16", 1, 2),
        new(GgmlType.I32, "I32", 1, 4),
        new(GgmlType.I64, "I64", 1, 8),
        new(GgmlType.F64, "F64", 1, 8),
        new(GgmlType.IQ1_M, "IQ1_M", QK_K, 56),
        new(GgmlType.BF16, "BF16", 1, 2),
        new(GgmlType.TQ1_0, "TQ1_0", QK_K, 54),
        new(GgmlType.TQ2_0, "TQ2_0", QK_K, 66),
        new(GgmlType.MXFP4, "MXFP4", 32, 17),
        new(GgmlType.NVFP4, "NVFP4", 64, 36),
        new(GgmlType.Q1_0, "Q1_0", 128, 18),
        new(GgmlType.Q2_0, "Q2_0", 64, 18),
    }.ToFrozenDictionary(info => info.Type);

    /// <summary>Every known type, in id order.</summary>
    public static IReadOnlyList<GgmlTypeInfo> All { get; } = ById.Values.OrderBy(i => i.Type).ToArray();

    /// <summary>Looks up a raw type id as read from a file; false for ids ggml does not (or no longer) define.</summary>
    public static bool TryGet(uint id, out GgmlTypeInfo info) => ById.TryGetValue((GgmlType)id, out info);

    /// <summary>The layout of <paramref name="type"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a known ggml type id.</exception>
    public static GgmlTypeInfo Get(GgmlType type) =>
        ById.TryGetValue(type, out var info)
            ? info
            : throw new ArgumentOutOfRangeException(nameof(type), (uint)type, $"unknown ggml type id {(uint)type}");

    /// <summary>Parses a type name such as "q4_k" or "F32", case-insensitively.</summary>
    public static bool TryParse(string name, out GgmlType type)
    {
        foreach (var info in All)
        {
            if (string.Equals(info.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                type = info.Type;
                return true;
            }
        }

        type = default;
        return false;
    }
}
