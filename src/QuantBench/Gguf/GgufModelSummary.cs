using System.Collections.Immutable;

namespace QuantBench.Gguf;

/// <summary>
/// What a GGUF model is, from its header: parameters and bytes (as llama-bench reports them:
/// <c>model_n_params</c> and <c>model_size</c>), bits per weight, type mix and key hyperparameters.
/// </summary>
public sealed record GgufModelSummary
{
    public string? Architecture { get; init; }
    public string? Name { get; init; }

    /// <summary>Sum of all tensors' element counts (llama-bench <c>model_n_params</c>).</summary>
    public long ParameterCount { get; init; }

    /// <summary>Sum of all tensors' data bytes, without padding (llama-bench <c>model_size</c>).</summary>
    public long TensorDataBytes { get; init; }

    public long FileBytes { get; init; }

    /// <summary>8 * <see cref="TensorDataBytes"/> / <see cref="ParameterCount"/>; 0 for a model without tensors.</summary>
    public double BitsPerWeight { get; init; }

    /// <summary>Tensors grouped by type, the largest share of bytes first.</summary>
    public ImmutableArray<GgufTypeShare> TypeMix { get; init; } = [];

    /// <summary><c>general.file_type</c> (llama_ftype number, e.g. 15 for Q4_K_M), when present.</summary>
    public int? FileType { get; init; }

    public long? ContextLength { get; init; }
    public long? EmbeddingLength { get; init; }
    public long? BlockCount { get; init; }
    public long? HeadCount { get; init; }
    public long? HeadCountKv { get; init; }
    public long? FeedForwardLength { get; init; }

    /// <summary>Length of <c>tokenizer.ggml.tokens</c>, when present.</summary>
    public long? VocabularySize { get; init; }

    public static GgufModelSummary From(GgufFile file)
    {
        var metadata = file.Metadata;
        var architecture = metadata.GetStringOrNull(GgufKeys.Architecture);
        long? ArchInt(string suffix) =>
            architecture is null ? null : metadata.GetInt64OrNull(GgufKeys.ForArchitecture(architecture, suffix));

        var mix = file.Tensors
            .GroupBy(t => t.Type)
            .Select(g => new GgufTypeShare(g.Key, g.Count(), g.Sum(t => t.ElementCount), g.Sum(t => t.ByteSize)))
            .OrderByDescending(s => s.Bytes)
            .ThenBy(s => s.Type)
            .ToImmutableArray();
        var parameters = mix.Sum(s => s.ParameterCount);
        var bytes = mix.Sum(s => s.Bytes);
        var fileType = metadata.GetInt64OrNull(GgufKeys.FileType);

        return new GgufModelSummary
        {
            Architecture = architecture,
            Name = metadata.GetStringOrNull(GgufKeys.Name),
            ParameterCount = parameters,
            TensorDataBytes = bytes,
            FileBytes = file.FileLengthBytes,
            BitsPerWeight = parameters == 0 ? 0 : 8.0 * bytes / parameters,
            TypeMix = mix,
            FileType = fileType is >= int.MinValue and <= int.MaxValue ? (int)fileType : null,
            ContextLength = ArchInt("context_length"),
            EmbeddingLength = ArchInt("embedding_length"),
            BlockCount = ArchInt("block_count"),
            HeadCount = ArchInt("attention.head_count"),
            HeadCountKv = ArchInt("attention.head_count_kv"),
            FeedForwardLength = ArchInt("feed_forward_length"),
            VocabularySize = metadata.TryGetValue(GgufKeys.Tokens, out var tokens) && tokens.Type == GgufValueType.Array
                ? tokens.AsArray().Length
                : null,
        };
    }
}
