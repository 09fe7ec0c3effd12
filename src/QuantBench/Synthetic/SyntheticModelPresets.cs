namespace QuantBench.Synthetic;

/// <summary>The built-in synthetic model shapes, from a few MB to TinyLlama's 1.1B parameters.</summary>
public static class SyntheticModelPresets
{
    /// <summary>The shape of the reference model ref-tiny (3,660,032 parameters, 14.6 MB as F32).</summary>
    public static SyntheticModelPreset Tiny { get; } = new("tiny", 256, 4, 768, 8, 4, 1000, 2048);

    /// <summary>The default: about 88M parameters, 352 MB as F32.</summary>
    public static SyntheticModelPreset Small { get; } = new("small", 768, 12, 2048, 12, 4, 8192, 2048);

    /// <summary>About 0.3B parameters.</summary>
    public static SyntheticModelPreset Medium { get; } = new("medium", 1024, 24, 2816, 16, 8, 32000, 2048);

    /// <summary>TinyLlama's shape: about 1.1B parameters, 4.4 GB as F32.</summary>
    public static SyntheticModelPreset Large { get; } = new("large", 2048, 22, 5632, 32, 4, 32000, 2048);

    public static SyntheticModelPreset Default => Small;

    public static IReadOnlyList<SyntheticModelPreset> All { get; } = [Tiny, Small, Medium, Large];

    /// <summary>
    /// SmolLM2-135M's widths (hidden 576, feed-forward 1536) on 4 blocks: rows of 576 and 1536 elements, so K-quants
    /// fall back on the 576-wide rows (576 is not a multiple of 256) and everything fits 32-element blocks.
    /// </summary>
    public static SyntheticModelPreset Odd576 { get; } = new("odd576", 576, 4, 1536, 9, 3, 512, 512) { RowMultiple = 4 };

    /// <summary>Hidden 96, feed-forward 172: rows of 96 (32-blocks only) and 172 (no block fits, so F16 or failure).</summary>
    public static SyntheticModelPreset Odd96 { get; } = new("odd96", 96, 4, 172, 3, 1, 512, 512) { RowMultiple = 4 };

    /// <summary>Hidden 64, feed-forward 172, 4 query heads per KV head: a small trained model's shape from issue 14.</summary>
    public static SyntheticModelPreset Odd64 { get; } = new("odd64", 64, 4, 172, 4, 1, 512, 512) { RowMultiple = 4 };

    /// <summary>Shapes whose rows do not fit every quantization block, for checking QuantBench against llama-quantize.</summary>
    public static IReadOnlyList<SyntheticModelPreset> OddShapes { get; } = [Odd576, Odd96, Odd64];

    /// <summary>The preset called <paramref name="name"/>, ignoring case.</summary>
    /// <exception cref="ArgumentException">No preset has that name; the message lists the valid names.</exception>
    public static SyntheticModelPreset Find(string name)
    {
        foreach (var preset in All.Concat(OddShapes))
        {
            if (string.Equals(preset.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return preset;
            }
        }

        throw new ArgumentException(
            $"unknown synthetic model preset '{name}'; valid presets: {string.Join(", ", All.Concat(OddShapes).Select(p => p.Name))}",
            nameof(name));
    }
}
