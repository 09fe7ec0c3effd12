using System.Collections.Immutable;
using QuantBench.Engines;

namespace QuantBench.Tests.Fakes;

/// <summary>A backend whose requests return scripted timelines, so metric code is tested against timings we know.</summary>
internal sealed class ScriptedBackend(Func<int, GenerationRequest, RequestTrace> script, int vocabularySize = 1000) : IInferenceBackend
{
    public List<GenerationRequest> Requests { get; } = [];

    private RequestTrace Next(GenerationRequest request)
    {
        Requests.Add(request);
        return script(Requests.Count - 1, request);
    }

    public string? RefuseWith { get; init; }

    public EngineInfo Describe() => new("scripted", "test", "none", "none", "");

    public QuantBench.Quality.ILogitsEvaluator LoadEvaluator(ModelLoadOptions options, int contextTokens, CancellationToken cancellationToken) =>
        throw new ModelLoadException(options.ModelPath, "the scripted backend scores no text");

    public IModelSession Load(ModelLoadOptions options, CancellationToken cancellationToken)
    {
        if (RefuseWith is not null)
        {
            throw new ModelLoadException(options.ModelPath, RefuseWith);
        }

        return new Session(this, vocabularySize);
    }

    /// <summary>Every token arrives <paramref name="gapMs"/> after the previous one; prefill takes <paramref name="prefillMs"/>.</summary>
    public static RequestTrace Uniform(GenerationRequest request, double prefillMs, double firstTokenMs, double gapMs) => new(
        request.PromptLength,
        prefillMs,
        Enumerable.Range(0, request.OutputTokens).Select(i => firstTokenMs + i * gapMs).ToImmutableArray());

    private sealed class Session(ScriptedBackend owner, int vocabularySize) : IModelSession
    {
        public int VocabularySize => vocabularySize;

        public int? BeginningOfSequenceToken => 1;

        public EngineBuffers Buffers { get; } = new() { KvCacheBytes = 4096, ComputeBufferBytes = 1024 };

        public RequestTrace Generate(GenerationRequest request, CancellationToken cancellationToken, Action<RequestPhase>? onPhase = null)
        {
            onPhase?.Invoke(RequestPhase.Prefill);
            onPhase?.Invoke(RequestPhase.Decode);
            return owner.Next(request);
        }

        public void Dispose()
        {
        }
    }
}
