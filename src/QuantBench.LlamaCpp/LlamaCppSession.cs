using System.Collections.Immutable;
using System.Diagnostics;
using LLama;
using LLama.Common;
using LLama.Native;
using QuantBench.Engines;
using QuantBench.LlamaCpp.Batching;

namespace QuantBench.LlamaCpp;

/// <summary>One llama.cpp model and context; requests run one at a time on sequence 0. Batch decoders get contexts of their own.</summary>
internal sealed class LlamaCppSession : IModelSession, IBatchDecoderFactory
{
    private readonly LLamaWeights weights;
    private readonly LLamaContext context;
    private readonly LLamaBatch batch = new();
    private readonly ModelParams parameters;

    internal LlamaCppSession(LLamaWeights weights, LLamaContext context, ModelParams parameters)
    {
        this.weights = weights;
        this.context = context;
        this.parameters = parameters;
        VocabularySize = weights.Vocab.Count;
        BeginningOfSequenceToken = weights.Vocab.BOS is { } bos ? (int)bos : null;
    }

    public int VocabularySize { get; }

    public int? BeginningOfSequenceToken { get; }

    public EngineBuffers Buffers { get; init; } = EngineBuffers.Unknown;

    public RequestTrace Generate(GenerationRequest request, CancellationToken cancellationToken, Action<RequestPhase>? onPhase = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        int needed = request.PromptLength + request.OutputTokens;
        if (needed > context.ContextSize)
        {
            throw new InvalidOperationException($"the request needs {needed} tokens of context but the context holds {context.ContextSize}");
        }

        var handle = context.NativeHandle;
        handle.MemoryClear(true);
        var tokenTimes = ImmutableArray.CreateBuilder<double>(request.OutputTokens);

        onPhase?.Invoke(RequestPhase.Prefill);
        long start = Stopwatch.GetTimestamp();
        batch.Clear();
        var prompt = request.PromptTokens;
        for (int i = 0; i < prompt.Length; i++)
        {
            batch.Add((LLamaToken)prompt[i], i, LLamaSeqId.Zero, i == prompt.Length - 1);
        }

        Decode(handle);
        double prefillEndMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        int next = Greedy.ArgMax(handle.GetLogitsIth(batch.TokenCount - 1));
        tokenTimes.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);

        onPhase?.Invoke(RequestPhase.Decode);
        for (int position = prompt.Length; tokenTimes.Count < request.OutputTokens; position++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            batch.Clear();
            batch.Add((LLamaToken)next, position, LLamaSeqId.Zero, true);
            Decode(handle);
            next = Greedy.ArgMax(handle.GetLogitsIth(0));
            tokenTimes.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        return new RequestTrace(prompt.Length, prefillEndMs, tokenTimes.MoveToImmutable());
    }

    public IBatchDecoder CreateBatchDecoder(BatchDecoderOptions options, CancellationToken cancellationToken) =>
        BatchContextFactory.Create(weights, parameters, options, cancellationToken);

    private void Decode(SafeLLamaContextHandle handle)
    {
        var result = handle.Decode(batch);
        if (result != DecodeResult.Ok)
        {
            throw new InvalidOperationException($"llama_decode failed: {result}");
        }
    }


    public void Dispose()
    {
        context.Dispose();
        weights.Dispose();
    }
}
