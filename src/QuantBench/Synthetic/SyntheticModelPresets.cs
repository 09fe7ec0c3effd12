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

    /// <summary>The preset called <paramref name="name"/>, ignoring case.</summary>
    /// <exception cref="ArgumentException">No preset has that name; the message lists the valid names.</exception>
    public static SyntheticModelPreset Find(string name)
    {
        foreach (var preset in All)
        {
            if (string.Equals(preset.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return preset;
            }
        }

        throw new ArgumentException(
            $"unknown synthetic model preset '{name}'; valid presets: {string.Join(", ", All.Select(p => p.Name))}",
            nameof(name));
    }
}
