using System.Collections.Immutable;

namespace QuantBench.Engines;

/// <summary>
/// Step-wise batched greedy decoding over several sequences that share one context: the primitive
/// behind the batch-size sweep, continuous batching and the context-depth test. Each <see cref="Step"/>
/// is one engine call that prefills every prompt added since the last step and decodes one token of
/// every running sequence, so the caller controls (and times) exactly what shares a batch.
/// </summary>
public interface IBatchDecoder : IDisposable
{
    /// <summary>Number of tokens in the model's vocabulary.</summary>
    int VocabularySize { get; }

    /// <summary>The beginning-of-sequence token, or null when the model has none.</summary>
    int? BeginningOfSequenceToken { get; }

    /// <summary>How many sequences may be active at once; sequence ids run from 0 to this minus one.</summary>
    int MaxSequences { get; }

    /// <summary>How many tokens (prompt plus decoded) one sequence may hold in the KV cache.</summary>
    int TokensPerSequence { get; }

    /// <summary>Bytes one token of one sequence occupies in the KV cache (keys and values, all layers).</summary>
    long KvCacheBytesPerToken { get; }

    /// <summary>Bytes of KV cache held by the tokens of the active sequences now.</summary>
    long KvCacheBytesInUse { get; }

    /// <summary>Bytes the engine reserved for the whole KV cache of this decoder's context.</summary>
    long KvCacheBytesReserved { get; }

    /// <summary>Starts a sequence: its prompt is prefilled by the next <see cref="Step"/>, whose result holds its first token.</summary>
    /// <exception cref="ArgumentException">The id is out of range or active, or the prompt is empty or too long.</exception>
    void AddSequence(int sequenceId, ImmutableArray<int> promptTokens);

    /// <summary>
    /// One decode call: the pending prompts and the last token of every other active sequence.
    /// Returns the next greedy token (arg-max, end-of-sequence included) of every active sequence.
    /// </summary>
    ImmutableArray<SequenceToken> Step(CancellationToken cancellationToken);

    /// <summary>Ends a sequence and frees its KV cache cells so that its id can be reused.</summary>
    void RemoveSequence(int sequenceId);
}
