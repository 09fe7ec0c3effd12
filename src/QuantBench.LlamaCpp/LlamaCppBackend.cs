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

    /// <summary>The llama.cpp library named by the user (full path), or null for LLamaSharp's bundled build.</summary>
    public static string? CustomLibrary => LlamaNative.CustomLibrary;

    /// <summary>
    /// Measures with this llama.cpp build (libllama.so or its folder) instead of the bundled one, in this process and in
    /// the workers it starts (they inherit the setting through the environment). Call before any other llama.cpp use.
    /// </summary>
    public static void UseLibrary(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string? full = LlamaNative.CustomLibraryPath(path);
        if (LlamaNative.IsLoaded && full != LlamaNative.CustomLibrary)
        {
            throw new InvalidOperationException("llama.cpp is already loaded; a library must be chosen before its first use");
        }

        Environment.SetEnvironmentVariable(LlamaNative.LibraryVariable, full);
    }

    public EngineInfo Describe() => new(
        "llama.cpp",
        $"LLamaSharp {LlamaNative.LLamaSharpVersion}",
        LlamaNative.NativeBuild,
        LlamaNative.Variant(),
        LlamaNative.SystemInfo(),
        LlamaNative.CustomLibrary,
        LlamaNative.CustomLibrary is { } path ? LlamaNative.Sha256(path) : null);

    public ILogitsEvaluator LoadEvaluator(ModelLoadOptions options, int contextTokens, CancellationToken cancellationToken) =>
        Quality.LlamaCppLogitsEvaluator.Load(options.ModelPath, contextTokens, options.Threads, cancellationToken);

    public QuantBench.Tasks.ITaskEvaluator LoadTaskEvaluator(ModelLoadOptions options, int contextPerSequence, int parallel, CancellationToken cancellationToken) =>
        Tasks.LlamaCppTaskEvaluator.Load(options, contextPerSequence, parallel, cancellationToken);

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
