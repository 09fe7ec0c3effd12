using System.Collections.Immutable;

namespace QuantBench.Tasks;

/// <summary>
/// The engine seam for task scoring: a loaded model whose context holds several sequences, as
/// llama-perplexity's for --hellaswag, --winogrande and --multiple-choice.
/// </summary>
public interface ITaskEvaluator
{
    int VocabularySize { get; }

    /// <summary>n_ctx of the whole context (llama_n_ctx): the most tokens one batch of tasks may hold.</summary>
    int ContextTokens { get; }

    /// <summary>n_seq_max: the most sequences one batch may use.</summary>
    int MaxSequences { get; }

    /// <summary>Tokenizes as llama.cpp's tools do (common_tokenize with special tokens added and parsed as text).</summary>
    ImmutableArray<int> Tokenize(string text);

    /// <summary>
    /// Clears the context, decodes the batch and writes the logits of its output tokens, row after row,
    /// into <paramref name="logits"/> (<see cref="TaskBatch.OutputCount"/> × <see cref="VocabularySize"/>).
    /// </summary>
    void Decode(TaskBatch batch, Span<float> logits, CancellationToken cancellationToken);
}
