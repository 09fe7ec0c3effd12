namespace QuantBench.Synthetic;

/// <summary>
/// The shape of a synthetic llama-architecture model. Names follow the GGUF keys
/// (<c>llama.embedding_length</c> = n_embd, <c>block_count</c> = n_layer, <c>feed_forward_length</c> = n_ff, ...).
/// </summary>
public sealed record SyntheticModelPreset(
    string Name,
    int EmbeddingLength,
    int BlockCount,
    int FeedForwardLength,
    int HeadCount,
    int HeadCountKv,
    int VocabularySize,
    int ContextLength)
{
    /// <summary>The presets' rows are whole K-quant super-blocks (QK_K = 256), so every level quantizes every weight as its name says.</summary>
    public const int DefaultRowMultiple = 256;

    /// <summary>
    /// What the embedding and feed-forward lengths must be multiples of. Lower it (e.g. to 4) for the odd shapes of
    /// real models (SmolLM2's 576, a feed-forward of 172), on which llama.cpp's quantizer falls back or fails.
    /// </summary>
    public int RowMultiple { get; init; } = DefaultRowMultiple;

    /// <summary>Smallest vocabulary: 3 special tokens, 256 byte tokens and the single characters.</summary>
    public const int MinVocabularySize = 512;

    public int HeadDimension => EmbeddingLength / HeadCount;

    /// <summary>Width of the K and V projections (grouped-query attention).</summary>
    public int KvDimension => HeadDimension * HeadCountKv;

    /// <summary>Total weights, as llama-bench's <c>model_n_params</c> will report.</summary>
    public long ParameterCount
    {
        get
        {
            long embd = EmbeddingLength;
            var perBlock = 2 * embd // attn_norm, ffn_norm
                + 2 * embd * embd // attn_q, attn_output
                + 2 * embd * KvDimension // attn_k, attn_v
                + 3 * embd * FeedForwardLength; // ffn_gate, ffn_up, ffn_down
            return 2 * embd * VocabularySize + BlockCount * perBlock + embd;
        }
    }

    /// <summary>Every problem with the shape, empty when it is valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (RowMultiple <= 0)
        {
            problems.Add($"row multiple {RowMultiple} must be positive");
            return problems;
        }

        if (EmbeddingLength <= 0 || EmbeddingLength % RowMultiple != 0)
        {
            problems.Add($"embedding length {EmbeddingLength} must be a positive multiple of {RowMultiple}");
        }

        if (FeedForwardLength <= 0 || FeedForwardLength % RowMultiple != 0)
        {
            problems.Add($"feed-forward length {FeedForwardLength} must be a positive multiple of {RowMultiple}");
        }

        if (BlockCount <= 0)
        {
            problems.Add($"block count {BlockCount} must be positive");
        }

        if (HeadCount <= 0 || EmbeddingLength % HeadCount != 0)
        {
            problems.Add($"head count {HeadCount} must divide the embedding length {EmbeddingLength}");
        }
        else if (HeadDimension % 2 != 0)
        {
            problems.Add($"head dimension {HeadDimension} must be even for RoPE");
        }

        if (HeadCountKv <= 0 || HeadCount % HeadCountKv != 0)
        {
            problems.Add($"KV head count {HeadCountKv} must divide the head count {HeadCount}");
        }

        if (VocabularySize < MinVocabularySize)
        {
            problems.Add($"vocabulary size {VocabularySize} must be at least {MinVocabularySize}");
        }

        if (ContextLength <= 0)
        {
            problems.Add($"context length {ContextLength} must be positive");
        }

        return problems;
    }
}
