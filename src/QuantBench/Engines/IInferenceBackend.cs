using QuantBench.Quality;

namespace QuantBench.Engines;

/// <summary>An inference engine that can load a model file into a session (llama.cpp today; a server or ONNX Runtime later).</summary>
public interface IInferenceBackend
{
    /// <summary>What the engine is and which build of it runs, recorded with every result.</summary>
    EngineInfo Describe();

    /// <summary>Loads a model. Throws <see cref="ModelLoadException"/> with a one-line reason when the engine refuses it.</summary>
    IModelSession Load(ModelLoadOptions options, CancellationToken cancellationToken);

    /// <summary>Loads a model for scoring text in chunks of <paramref name="contextTokens"/> (perplexity, KL divergence).</summary>
    ILogitsEvaluator LoadEvaluator(ModelLoadOptions options, int contextTokens, CancellationToken cancellationToken);

    /// <summary>
    /// Loads a model for task scoring in llama-perplexity's task context: <paramref name="parallel"/> sequences
    /// (at least 4) of <paramref name="contextPerSequence"/> tokens in one unified KV cache.
    /// </summary>
    Tasks.ITaskEvaluator LoadTaskEvaluator(ModelLoadOptions options, int contextPerSequence, int parallel, CancellationToken cancellationToken) =>
        throw new EngineUnavailableException("this engine does not score tasks");
}
