namespace QuantBench.Engines;

/// <summary>A loaded model with one context, able to serve one generation request at a time.</summary>
public interface IModelSession : IDisposable
{
    /// <summary>Number of tokens in the model's vocabulary.</summary>
    int VocabularySize { get; }

    /// <summary>The beginning-of-sequence token, or null when the model has none.</summary>
    int? BeginningOfSequenceToken { get; }

    /// <summary>The memory the engine reserved for this session: KV cache, compute buffers, weights' buffers.</summary>
    EngineBuffers Buffers { get; }

    /// <summary>
    /// Runs one request from an empty KV cache: prefill the prompt, then generate exactly
    /// <see cref="GenerationRequest.OutputTokens"/> tokens greedily, ignoring end-of-sequence.
    /// <paramref name="onPhase"/>, when given, is called as each phase begins; it runs inside the request's
    /// timeline, so only untimed probe requests pass it.
    /// </summary>
    RequestTrace Generate(GenerationRequest request, CancellationToken cancellationToken, Action<RequestPhase>? onPhase = null);
}
