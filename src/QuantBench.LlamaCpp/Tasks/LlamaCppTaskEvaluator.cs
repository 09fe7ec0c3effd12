using System.Collections.Immutable;
using System.Text;
using LLama;
using LLama.Native;
using QuantBench.Engines;
using QuantBench.Tasks;

namespace QuantBench.LlamaCpp.Tasks;

/// <summary>
/// llama.cpp's logits for task scoring, in the context llama-perplexity makes for --hellaswag, --winogrande and
/// --multiple-choice: n_parallel sequences (at least 4) of n_ctx each in one unified KV cache, a logical batch of
/// the whole context (one llama_decode per batch of tasks), micro-batches of 512.
/// </summary>
public sealed class LlamaCppTaskEvaluator : ITaskEvaluator, IDisposable
{
    private readonly LLamaWeights weights;
    private readonly LLamaContext context;
    private readonly LLamaBatch batch = new();
    private readonly Dictionary<int, LLamaSeqId[]> sequenceSets = [];

    private LlamaCppTaskEvaluator(LLamaWeights weights, LLamaContext context, int sequences)
    {
        this.weights = weights;
        this.context = context;
        VocabularySize = weights.Vocab.Count;
        ContextTokens = (int)context.ContextSize;
        MaxSequences = sequences;
    }

    public int VocabularySize { get; }

    public int ContextTokens { get; }

    public int MaxSequences { get; }

    /// <summary>
    /// Loads a model as llama-perplexity does for tasks: <paramref name="parallel"/> (raised to 4) sequences of
    /// <paramref name="contextPerSequence"/> tokens, KV cache unified. Throws <see cref="ModelLoadException"/>.
    /// </summary>
    public static LlamaCppTaskEvaluator Load(ModelLoadOptions options, int contextPerSequence, int parallel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(contextPerSequence, 8);
        cancellationToken.ThrowIfCancellationRequested();
        if (!File.Exists(options.ModelPath))
        {
            // Checked here because llama.cpp would otherwise fail with a less helpful message.
            throw new ModelLoadException(options.ModelPath, "the file does not exist");
        }

        int sequences = Math.Max(4, parallel);
        int contextTokens = sequences * contextPerSequence;
        var parameters = LlamaLoader.Parameters(options with
        {
            ContextSize = contextTokens,
            BatchSize = Math.Min(options.BatchSize, contextTokens),
        });
        parameters.SeqMax = (uint)sequences;
        // llama-perplexity's choice for tasks: the sequences share one KV cache of n_ctx cells.
        parameters.KVUnified = true;
        var (weights, context) = LlamaLoader.Load(parameters);
        return new LlamaCppTaskEvaluator(weights, context, sequences);
    }

    public ImmutableArray<int> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = weights.Tokenize(text, add_bos: true, special: false, Encoding.UTF8);
        var result = ImmutableArray.CreateBuilder<int>(tokens.Length);
        foreach (var token in tokens)
        {
            result.Add((int)token);
        }

        return result.MoveToImmutable();
    }

    public void Decode(TaskBatch tasks, Span<float> logits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        if (tasks.Count > ContextTokens)
        {
            throw new ArgumentException($"a batch of {tasks.Count} tokens does not fit a context of {ContextTokens}", nameof(tasks));
        }

        if (logits.Length != (long)tasks.OutputCount * VocabularySize)
        {
            throw new ArgumentException($"expected room for {tasks.OutputCount} × {VocabularySize} logits", nameof(logits));
        }

        cancellationToken.ThrowIfCancellationRequested();
        var handle = context.NativeHandle;
        handle.MemoryClear(true);
        batch.Clear();
        for (int i = 0; i < tasks.Count; i++)
        {
            batch.Add((LLamaToken)tasks.Tokens[i], tasks.Positions[i], Sequences(tasks.Sequences[i]), tasks.Outputs[i]);
        }

        var result = handle.Decode(batch);
        if (result != DecodeResult.Ok)
        {
            throw new InvalidOperationException($"llama_decode failed: {result}" + (LlamaNative.RecentLog.LastProblem() is { } why ? " (" + why + ")" : string.Empty));
        }

        handle.GetLogits(tasks.OutputCount).CopyTo(logits);
    }

    private ReadOnlySpan<LLamaSeqId> Sequences(int[] ids)
    {
        if (ids.Length == 1)
        {
            return Single(ids[0]);
        }

        return ids.Select(id => (LLamaSeqId)id).ToArray();
    }

    private LLamaSeqId[] Single(int id)
    {
        if (!sequenceSets.TryGetValue(id, out var set))
        {
            set = [(LLamaSeqId)id];
            sequenceSets[id] = set;
        }

        return set;
    }

    public void Dispose()
    {
        context.Dispose();
        weights.Dispose();
    }
}
