using QuantBench.Gguf;

namespace QuantBench.Preparation;

/// <summary>
/// One tensor of a level as llama.cpp's quantizer will write it: <see cref="Intended"/> is the type the level's
/// mix (or an option) picks, <see cref="Final"/> the type it gets after the shape fallback.
/// </summary>
public sealed record PlannedTensor(string Name, long RowLength, long ElementCount, GgmlType Source, GgmlType Intended, GgmlType Final, bool Quantized)
{
    /// <summary>The rows did not fit <see cref="Intended"/>'s blocks, so llama.cpp wrote another type.</summary>
    public bool FellBack => Intended != Final;
}
