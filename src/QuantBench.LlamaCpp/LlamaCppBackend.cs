using LLama;
using LLama.Common;
using LLama.Exceptions;
using LLama.Native;
using QuantBench.Engines;
using QuantBench.Quality;

namespace QuantBench.LlamaCpp;

/// <summary>llama.cpp through LLamaSharp, on the CPU unless GPU layers are asked for.</summary>
public sealed class LlamaCppBackend : IInferenceBackend
{
    /// <param name="nativeLogEcho">Where llama.cpp's log lines are also written (a worker sends them to standard error so a crash leaves them behind).</param>
    public LlamaCppBackend(TextWriter? nativeLogEcho = null)
    {
        LlamaNative.EnsureLoaded();
        LlamaNative.RecentLog.Echo = nativeLogEcho;
    }

    public EngineInfo Describe() => new(
        "llama.cpp",
        $"LLamaSharp {LlamaNative.LLamaSharpVersion}",
        LlamaNative.NativeBuild,
        LlamaNative.Variant(),
        LlamaNative.SystemInfo());

    public ILogitsEvaluator LoadEvaluator(ModelLoadOptions options, int contextTokens, CancellationToken cancellationToken) =>
        Quality.LlamaCppLogitsEvaluator.Load(options.ModelPath, contextTokens, options.Threads, cancellationToken);

    public IModelSession Load(ModelLoadOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        cancellationToken.ThrowIfCancellationRequested();
        LlamaNative.EnsureLoaded();

        var parameters = LlamaLoader.Parameters(options);
        long mark = LlamaNative.RecentLog.Mark();
        var (weights, context) = LlamaLoader.Load(parameters);
        return new LlamaCppSession(weights, context, parameters) { Buffers = LlamaBufferLog.Parse(LlamaNative.RecentLog.Since(mark)) };
    }
}
