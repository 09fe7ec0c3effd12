namespace QuantBench.Quality;

/// <summary>
/// The quality of one model on one evaluation text: its perplexity and, unless it is the baseline
/// itself, its divergence from the baseline on the same tokens.
/// </summary>
public sealed record QualityResult
{
    /// <summary>Where the tokens came from: the text file's name, or "sampled from the baseline, seed S, temperature T".</summary>
    public required string SourceDescription { get; init; }

    /// <summary>n_ctx: tokens per evaluated chunk.</summary>
    public required int ContextTokens { get; init; }

    public required int Chunks { get; init; }

    /// <summary>Tokens whose likelihood was scored: the second half of each chunk, n_ctx - 1 - n_ctx/2 per chunk.</summary>
    public required long ScoredTokens { get; init; }

    public required PerplexityResult Perplexity { get; init; }

    /// <summary>Null for the baseline itself.</summary>
    public KlDivergenceResult? KlDivergence { get; init; }
}
