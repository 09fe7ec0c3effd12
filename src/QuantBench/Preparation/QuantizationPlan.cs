using System.Collections.Immutable;
using QuantBench.Gguf;
using QuantBench.Models;

namespace QuantBench.Preparation;

/// <summary>
/// What llama.cpp's quantizer will make of a model at one level, tensor by tensor in llama.cpp's order; or,
/// when it cannot, <see cref="Failure"/>: one line under 300 characters with the count, an example, and what to do.
/// </summary>
public sealed record QuantizationPlan(QuantizationType Level, ImmutableArray<PlannedTensor> Tensors, string? Failure)
{
    public bool CanQuantize => Failure is null;

    /// <summary>The quantized weights whose rows did not fit the type the level picked.</summary>
    public IEnumerable<PlannedTensor> Fallbacks => Tensors.Where(t => t.FellBack);

    /// <summary>The final type of each tensor, by name.</summary>
    public ImmutableDictionary<string, GgmlType> FinalTypes => Tensors.ToImmutableDictionary(t => t.Name, t => t.Final);
}
