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
/// llama.cpp's logits for quality measurement: a context of exactly n_ctx tokens with a batch of n_ctx,
/// so one chunk decodes in one call, on the CPU, requesting logits only for the scored positions.
/// </summary>
public sealed class LlamaCppLogitsEvaluator : ILogitsEvaluator, IDisposable
{
    private readonly LLamaWeights weights;
    private readonly LLamaContext context;
    private readonly LLamaBatch batch = new();
    private readonly int startToken;

    private LlamaCppLogitsEvaluator(LLamaWeights weights, LLamaContext context, int contextTokens)
    {
        this.weights = weights;
        this.context = context;
        ContextTokens = contextTokens;
        VocabularySize = weights.Vocab.Count;
        int? bos = weights.Vocab.BOS is { } b ? (int)b : null;
        BeginningOfSequenceToken = weights.Vocab.ShouldAddBOS ? bos : null;
        startToken = bos ?? (weights.Vocab.EOS is { } eos ? (int)eos : 0);
    }

    public int VocabularySize { get; }

    public int? BeginningOfSequenceToken { get; }

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

        // Batch = n_ctx so a chunk decodes in one call; no flash attention, as llama-perplexity's reference was made.
        var parameters = LlamaLoader.Parameters(new ModelLoadOptions
        {
            ModelPath = modelPath,
            Threads = threads,
            ContextSize = contextTokens,
            BatchSize = contextTokens,
            MicroBatchSize = Math.Min(contextTokens, 512),
            LoadMode = LoadMode.Mmap,
            FlashAttention = false,
        });
        var (weights, context) = LlamaLoader.Load(parameters);
        return new LlamaCppLogitsEvaluator(weights, context, contextTokens);
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

    public void EvaluateChunk(ReadOnlySpan<int> tokens, int firstScoredPosition, Span<float> logits, CancellationToken cancellationToken)
    {
        int rows = tokens.Length - 1 - firstScoredPosition;
        if (tokens.Length > ContextTokens)
        {
            throw new ArgumentException($"a chunk of {tokens.Length} tokens does not fit a context of {ContextTokens}", nameof(tokens));
        }

        if (firstScoredPosition < 0 || rows < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(firstScoredPosition), firstScoredPosition, $"no position to score in a chunk of {tokens.Length}");
        }

        if (logits.Length != (long)rows * VocabularySize)
        {
            throw new ArgumentException($"expected room for {rows} × {VocabularySize} logits", nameof(logits));
        }

        cancellationToken.ThrowIfCancellationRequested();
        var handle = context.NativeHandle;
        handle.MemoryClear(true);
        batch.Clear();
        for (int i = 0; i < tokens.Length; i++)
        {
            // The last position predicts past the chunk's end; it is never scored, so its logits are not asked for.
            bool scored = i >= firstScoredPosition && i < tokens.Length - 1;
            batch.Add((LLamaToken)tokens[i], i, LLamaSeqId.Zero, scored);
        }

        Decode(handle);
        handle.GetLogits(rows).CopyTo(logits);
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
