using System.Collections.Immutable;
using LLama;
using LLama.Native;
using QuantBench.Engines;

namespace QuantBench.LlamaCpp.Batching;

/// <summary>
/// <see cref="IBatchDecoder"/> on its own llama.cpp context with one KV stream per sequence
/// (<c>kv_unified = false</c>): each sequence owns TokensPerSequence cells and attends only to them, so a
/// batch's attention cost grows with B, not B squared, and no sequence can starve another of cells.
/// The logical batch size is the whole context, so a step is always one <c>llama_decode</c> call
/// (llama.cpp cuts it into micro-batches itself).
/// </summary>
internal sealed class LlamaCppBatchDecoder : IBatchDecoder
{
    private readonly LLamaContext context;
    private readonly LLamaBatch batch = new();
    private readonly SequenceState?[] sequences;

    internal LlamaCppBatchDecoder(LLamaWeights weights, LLamaContext context, int maxSequences, int tokensPerSequence)
    {
        this.context = context;
        sequences = new SequenceState?[maxSequences];
        MaxSequences = maxSequences;
        TokensPerSequence = tokensPerSequence;
        VocabularySize = weights.Vocab.Count;
        BeginningOfSequenceToken = weights.Vocab.BOS is { } bos ? (int)bos : null;
        KvCacheBytesPerToken = KvCacheLayout.BytesPerToken(weights);
        KvCacheBytesReserved = context.ContextSize * KvCacheBytesPerToken;
    }

    public int VocabularySize { get; }

    public int? BeginningOfSequenceToken { get; }

    public int MaxSequences { get; }

    public int TokensPerSequence { get; }

    public long KvCacheBytesPerToken { get; }

    public long KvCacheBytesInUse => sequences.Sum(s => (long)(s?.CachedTokens ?? 0)) * KvCacheBytesPerToken;

    public long KvCacheBytesReserved { get; }

    public void AddSequence(int sequenceId, ImmutableArray<int> promptTokens)
    {
        if (sequenceId < 0 || sequenceId >= MaxSequences)
        {
            throw new ArgumentOutOfRangeException(nameof(sequenceId), sequenceId, $"sequence ids run from 0 to {MaxSequences - 1}");
        }

        if (sequences[sequenceId] is not null)
        {
            throw new ArgumentException($"sequence {sequenceId} is already active", nameof(sequenceId));
        }

        if (promptTokens.IsDefaultOrEmpty || promptTokens.Length > TokensPerSequence)
        {
            throw new ArgumentException($"a prompt must hold 1 to {TokensPerSequence} tokens (got {(promptTokens.IsDefault ? 0 : promptTokens.Length)})", nameof(promptTokens));
        }

        sequences[sequenceId] = new SequenceState(promptTokens);
    }

    public ImmutableArray<SequenceToken> Step(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        batch.Clear();
        var outputs = new List<(int Sequence, int BatchIndex)>(MaxSequences);
        for (int id = 0; id < sequences.Length; id++)
        {
            if (sequences[id] is not { } state)
            {
                continue;
            }

            var seq = (LLamaSeqId)id;
            if (state.PendingPrompt is { } prompt)
            {
                for (int i = 0; i < prompt.Length; i++)
                {
                    batch.Add((LLamaToken)prompt[i], i, seq, i == prompt.Length - 1);
                }

                state.CachedTokens = prompt.Length;
                state.PendingPrompt = null;
            }
            else
            {
                if (state.CachedTokens >= TokensPerSequence)
                {
                    throw new InvalidOperationException($"sequence {id} has filled its {TokensPerSequence} tokens of context");
                }

                batch.Add((LLamaToken)state.LastToken, state.CachedTokens, seq, true);
                state.CachedTokens++;
            }

            outputs.Add((id, batch.TokenCount - 1));
        }

        if (outputs.Count == 0)
        {
            return [];
        }

        var handle = context.NativeHandle;
        var result = handle.Decode(batch);
        if (result != DecodeResult.Ok)
        {
            throw new InvalidOperationException($"llama_decode of {batch.TokenCount} tokens over {outputs.Count} sequences failed: {result}");
        }

        var tokens = ImmutableArray.CreateBuilder<SequenceToken>(outputs.Count);
        foreach (var (id, index) in outputs)
        {
            int token = Greedy.ArgMax(handle.GetLogitsIth(index));
            sequences[id]!.LastToken = token;
            tokens.Add(new SequenceToken(id, token));
        }

        return tokens.MoveToImmutable();
    }

    public void RemoveSequence(int sequenceId)
    {
        if (sequenceId < 0 || sequenceId >= MaxSequences || sequences[sequenceId] is null)
        {
            throw new ArgumentException($"sequence {sequenceId} is not active", nameof(sequenceId));
        }

        // llama_memory_seq_rm over all positions frees the cells for the next sequence with this id.
        context.NativeHandle.MemorySequenceRemove((LLamaSeqId)sequenceId, -1, -1);
        sequences[sequenceId] = null;
    }

    public void Dispose()
    {
        context.Dispose();
    }

    private sealed class SequenceState(ImmutableArray<int> prompt)
    {
        public ImmutableArray<int>? PendingPrompt { get; set; } = prompt;

        public int CachedTokens { get; set; }

        public int LastToken { get; set; }
    }
}
