using System.Collections.Immutable;
using QuantBench.Gguf;

namespace QuantBench.Models;

/// <summary>The tensor types a level's name promises, e.g. the K-quants for Q4_K_M, with the word users know.</summary>
public sealed record QuantizationFamily(string Name, ImmutableArray<GgmlType> Types)
{
    public bool Contains(GgmlType type) => Types.Contains(type);
}
