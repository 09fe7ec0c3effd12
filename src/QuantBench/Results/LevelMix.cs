using System.Collections.Immutable;
using System.Globalization;

namespace QuantBench.Results;

/// <summary>
/// What a quantization level really holds, read from the file: how much of its quantized weights are of the
/// family its name promises (K-quants for Q4_K_M), and which weights llama.cpp's quantizer had to write in another
/// type because their rows did not fit (a level that fell back is not the level its name says).
/// </summary>
public sealed record LevelMix
{
    /// <summary>The level as llama-quantize names it, e.g. <c>Q4_K_M</c>.</summary>
    public required string Level { get; init; }

    /// <summary>The family the name promises: <c>K-quant</c>, <c>I-quant</c>, <c>ternary</c> or a type such as <c>Q8_0</c>.</summary>
    public required string Family { get; init; }

    /// <summary>Share of the quantized weights' parameters stored in <see cref="Family"/>, 0 to 1.</summary>
    public double FamilyShare { get; init; }

    /// <summary>Weights (tensors) llama.cpp's quantizer quantizes; norms and other 1-D tensors stay F32.</summary>
    public int WeightCount { get; init; }

    /// <summary>
    /// Weights whose rows did not fit the type the level picked; null when the file's types are not llama.cpp's
    /// recipe for the level (made with per-tensor options), so the fallbacks cannot be told apart.
    /// </summary>
    public int? FallbackCount { get; init; }

    /// <summary>Each fallback as <c>FROM-&gt;TO: N</c>, e.g. <c>Q4_K-&gt;Q5_0: 24</c>.</summary>
    public ImmutableArray<string> Fallbacks { get; init; } = [];

    /// <summary>The quantized weights' types and their shares of parameters, largest first, e.g. <c>Q5_0 60%</c>.</summary>
    public ImmutableArray<string> Types { get; init; } = [];

    /// <summary>The level's name with its real share, e.g. <c>Q4_K_M (24% of weights really K-quant)</c>.</summary>
    public string Headline => $"{Level} ({Percent(FamilyShare)} of weights really {Family})";

    /// <summary>One line: e.g. <c>31 of 37 weights fell back (Q4_K-&gt;Q5_0: 24, Q6_K-&gt;Q8_0: 7)</c>, or that none did.</summary>
    public string FallbackLine => FallbackCount switch
    {
        null => "types set by options",
        0 => $"no fallback ({WeightCount} weights as the level picked)",
        { } n => $"{n} of {WeightCount} weights fell back ({string.Join(", ", Fallbacks)})",
    };

    public static string Percent(double share) =>
        (100 * share).ToString(share is > 0.99 and < 1 or > 0 and < 0.01 ? "0.0" : "0", CultureInfo.InvariantCulture) + "%";
}
