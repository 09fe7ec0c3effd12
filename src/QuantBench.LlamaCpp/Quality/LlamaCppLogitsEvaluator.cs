using System.Collections.Immutable;
using System.Text;
using LLama;
using LLama.Common;
using LLama.Exceptions;
using LLama.Native;
using QuantBench.Engines;
using QuantBench.Quality;

namespace QuantBench.LlamaCpp.Quality;

/// <summary>
/// llama.cpp's logits for quality measurement, as llama-perplexity gets them: n_batch / n_ctx chunks
/// (n_batch 2048) decode in one call, each as its own sequence with n_ctx cells of KV cache, on the CPU,
/// requesting logits only for the scored positions.
/// </summary>
public sealed class LlamaCppLogitsEvaluator : ILogitsEvaluator, IDisposable
{
    private readonly LLamaWeights weights;
    private readonly LLamaContext context;
    private readonly LLamaBatch batch = new();
    private readonly int startToken;

    /// <summary>llama-perplexity's default n_batch: the tokens of one llama_decode call, n_batch / n_ctx chunks.</summary>
    public const int BatchTokens = 2048;

    private LlamaCppLogitsEvaluator(LLamaWeights weights, LLamaContext context, int contextTokens, int chunksPerCall)
    {
        this.weights = weights;
        this.context = context;
        ContextTokens = contextTokens;
        ChunksPerCall = chunksPerCall;
        VocabularySize = weights.Vocab.Count;
        int? bos = weights.Vocab.BOS is { } b ? (int)b : null;
        BeginningOfSequenceToken = weights.Vocab.ShouldAddBOS ? bos : null;
        startToken = bos ?? (weights.Vocab.EOS is { } eos ? (int)eos : 0);
    }

    public int VocabularySize { get; }

    public int? BeginningOfSequenceToken { get; }

    /// <summary>Chunks decoded together, each as its own sequence: max(1, n_batch / n_ctx), as llama-perplexity.</summary>
    public int ChunksPerCall { get; }

    /// <summary>n_ctx: the longest chunk this evaluator accepts.</summary>
    public int ContextTokens { get; }

    /// <summary>Loads a model for chunks of <paramref name="contextTokens"/>; throws <see cref="ModelLoadException"/> when llama.cpp refuses it.</summary>
    public static LlamaCppLogitsEvaluator Load(string modelPath, int contextTokens, int threads, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(modelPath);
        ArgumentOutOfRangeException.ThrowIfLessThan(contextTokens, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        cancellationToken.ThrowIfCancellationRequested();
        if (!File.Exists(modelPath))
        {
            // Checked here because llama.cpp would otherwise fail with a less helpful message.
            throw new ModelLoadException(modelPath, "the file does not exist");
        }

        // llama-perplexity's context: n_seq = max(1, n_batch / n_ctx) sequences of n_ctx cells each (not unified),
        // n_batch = n_seq x n_ctx so they decode in one call, micro-batches of 512; no flash attention, as the
        // reference was made.
        int sequences = Math.Max(1, BatchTokens / contextTokens);
        var parameters = LlamaLoader.Parameters(new ModelLoadOptions
        {
            ModelPath = modelPath,
            Threads = threads,
            ContextSize = sequences * contextTokens,
            BatchSize = sequences * contextTokens,
            MicroBatchSize = Math.Min(sequences * contextTokens, 512),
            LoadMode = LoadMode.Mmap,
            FlashAttention = false,
        }) with
        {
            SeqMax = (uint)sequences,
        };
        var (weights, context) = LlamaLoader.Load(parameters);
        return new LlamaCppLogitsEvaluator(weights, context, contextTokens, sequences);
    }

    public ImmutableArray<int> Tokenize(string text, bool addBos)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = weights.Tokenize(text, addBos, special: false, Encoding.UTF8);
        var result = ImmutableArray.CreateBuilder<int>(tokens.Length);
        foreach (var token in tokens)
        {
            result.Add((int)token);
        }

        return result.MoveToImmutable();
    }

    public void EvaluateChunk(ReadOnlySpan<int> tokens, int firstScoredPosition, Span<float> logits, CancellationToken cancellationToken) =>
        EvaluateChunks(tokens, tokens.Length, firstScoredPosition, logits, cancellationToken);

    public void EvaluateChunks(ReadOnlySpan<int> tokens, int chunkTokens, int firstScoredPosition, Span<float> logits, CancellationToken cancellationToken)
    {
        int rows = chunkTokens - 1 - firstScoredPosition;
        int chunks = chunkTokens > 0 ? tokens.Length / chunkTokens : 0;
        if (chunkTokens > ContextTokens)
        {
            throw new ArgumentException($"a chunk of {chunkTokens} tokens does not fit a context of {ContextTokens}", nameof(chunkTokens));
        }

        if (chunks < 1 || chunks > ChunksPerCall || chunks * chunkTokens != tokens.Length)
        {
            throw new ArgumentException($"expected 1 to {ChunksPerCall} whole chunks of {chunkTokens} tokens, got {tokens.Length} tokens", nameof(tokens));
        }

        if (firstScoredPosition < 0 || rows < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(firstScoredPosition), firstScoredPosition, $"no position to score in a chunk of {chunkTokens}");
        }

        if (logits.Length != (long)chunks * rows * VocabularySize)
        {
            throw new ArgumentException($"expected room for {chunks} × {rows} × {VocabularySize} logits", nameof(logits));
        }

        cancellationToken.ThrowIfCancellationRequested();
        var handle = context.NativeHandle;
        handle.MemoryClear(true);
        batch.Clear();
        for (int c = 0; c < chunks; c++)
        {
            for (int i = 0; i < chunkTokens; i++)
            {
                // The last position predicts past the chunk's end; it is never scored, so its logits are not asked for.
                bool scored = i >= firstScoredPosition && i < chunkTokens - 1;
                batch.Add((LLamaToken)tokens[(c * chunkTokens) + i], i, (LLamaSeqId)c, scored);
            }
        }

        // llama.cpp returns the outputs in batch order: chunk after chunk, row after row.
        Decode(handle);
        handle.GetLogits(chunks * rows).CopyTo(logits);
    }

    public ImmutableArray<int> SampleSequence(int length, TemperatureSampler sampler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sampler);
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, ContextTokens);

        var handle = context.NativeHandle;
        handle.MemoryClear(true);
        var tokens = ImmutableArray.CreateBuilder<int>(length);
        tokens.Add(startToken);
        while (tokens.Count < length)
        {
            cancellationToken.ThrowIfCancellationRequested();
            batch.Clear();
            batch.Add((LLamaToken)tokens[^1], tokens.Count - 1, LLamaSeqId.Zero, true);
            Decode(handle);
            tokens.Add(sampler.Next(handle.GetLogits(1)));
        }

        return tokens.MoveToImmutable();
    }

    private void Decode(SafeLLamaContextHandle handle)
    {
        var result = handle.Decode(batch);
        if (result != DecodeResult.Ok)
        {
            throw new InvalidOperationException($"llama_decode failed: {result}" + (LlamaNative.RecentLog.LastProblem() is { } why ? " (" + why + ")" : string.Empty));
        }
    }

    public void Dispose()
    {
        context.Dispose();
        weights.Dispose();
    }
}
