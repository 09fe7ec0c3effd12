using System.Globalization;

namespace QuantBench.Quality;

/// <summary>
/// The tokens quality is measured on: a text file, or, for a model with no text of its own, token
/// sequences sampled from the baseline model itself (seeded, so every model sees the same tokens).
/// </summary>
public sealed record QualityTextSource
{
    private QualityTextSource(string? filePath, ulong seed, double temperature)
    {
        FilePath = filePath;
        Seed = seed;
        Temperature = temperature;
    }

    /// <summary>The text file, or null when the tokens are sampled.</summary>
    public string? FilePath { get; }

    public ulong Seed { get; }

    public double Temperature { get; }

    public static QualityTextSource FromFile(string path) => new(path ?? throw new ArgumentNullException(nameof(path)), 0, 0);

    public static QualityTextSource SampledFromBaseline(ulong seed, double temperature = 1.0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(temperature);
        return new QualityTextSource(null, seed, temperature);
    }

    /// <summary>How a report names the source.</summary>
    public string Description => FilePath is { } path
        ? Path.GetFileName(path)
        : string.Create(CultureInfo.InvariantCulture, $"sampled from the baseline, seed {Seed}, temperature {Temperature:0.###}");
}
