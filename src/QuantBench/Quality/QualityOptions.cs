using System.Collections.Immutable;

namespace QuantBench.Quality;

/// <summary>How quality is measured: the chunk size and how many tokens to spend per model.</summary>
public sealed record QualityOptions
{
    /// <summary>n_ctx: tokens per chunk, each evaluated from an empty context (llama-perplexity's default is 512).</summary>
    public int ContextTokens { get; init; } = 512;

    /// <summary>
    /// The token budget: the most tokens EVALUATED per model (chunks × n_ctx, counting the unscored first
    /// half of each chunk); chunks = min(chunks in the text, QualityTokens / n_ctx). About half of them are
    /// scored. The baseline store takes scored tokens × vocabulary × 4 bytes of disk.
    /// </summary>
    public long QualityTokens { get; init; } = 16_384;

    /// <summary>Every problem at once, as readable sentences; empty when the options are usable.</summary>
    public ImmutableArray<string> Validate()
    {
        var problems = ImmutableArray.CreateBuilder<string>();
        if (ContextTokens < 4)
        {
            problems.Add($"the quality context must hold at least 4 tokens (got {ContextTokens})");
        }

        if (QualityTokens < ContextTokens)
        {
            problems.Add($"the quality token budget ({QualityTokens}) must cover at least one chunk of {ContextTokens} tokens");
        }

        return problems.ToImmutable();
    }

    internal int FirstScoredPosition => ContextTokens / 2;

    internal int ScoredRowsPerChunk => ContextTokens - 1 - FirstScoredPosition;

    internal int MaxChunks => (int)Math.Min(int.MaxValue, QualityTokens / ContextTokens);
}
