using System.Text.Json.Serialization;
using QuantBench.Quality;

namespace QuantBench.Settings;

/// <summary>How quality is measured: on a user's text, or on tokens sampled from the baseline model itself.</summary>
public sealed record QualitySettings
{
    /// <summary>A text file to score (llama-perplexity's <c>-f</c>); null: sample token sequences from the baseline.</summary>
    public string? TextPath { get; init; }

    /// <summary>The model every other is compared with; null: the model with the most bits per weight.</summary>
    public string? BaselinePath { get; init; }

    /// <summary>n_ctx of each evaluated chunk; null: 512 on a text, 128 on sampled tokens.</summary>
    public int? ContextTokens { get; init; }

    /// <summary>The most tokens evaluated per model (chunks x n_ctx); null: 8192 on a text, 1024 on sampled tokens (sampling is one token at a time).</summary>
    public long? QualityTokens { get; init; }

    /// <summary>True when quality is scored on tokens sampled from the baseline (not written: derived).</summary>
    [JsonIgnore]
    public bool Sampled => TextPath is null;

    /// <summary>The evaluation's options with the defaults resolved (not written: derived).</summary>
    [JsonIgnore]
    public QualityOptions Options => new()
    {
        ContextTokens = ContextTokens ?? (Sampled ? 128 : 512),
        QualityTokens = QualityTokens ?? (Sampled ? 1024 : 8192),
    };

    public QualityTextSource Source(int seed) =>
        TextPath is { } path ? QualityTextSource.FromFile(path) : QualityTextSource.SampledFromBaseline((ulong)seed);
}
