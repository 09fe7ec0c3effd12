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

        // Every default that differs between LLamaSharp and llama.cpp is set explicitly (GpuLayerCount defaults to 20, Threads to half the cores).
        var parameters = new ModelParams(options.ModelPath)
        {
            GpuLayerCount = options.GpuLayers,
            Threads = options.Threads,
            BatchThreads = options.Threads,
            ContextSize = (uint)options.ContextSize,
            BatchSize = (uint)options.BatchSize,
            UBatchSize = (uint)options.MicroBatchSize,
            LoadMode = options.LoadMode switch
            {
                LoadMode.Mmap => LLamaLoadMode.MemoryMap,
                LoadMode.NoMmap => LLamaLoadMode.None,
                LoadMode.Mlock => LLamaLoadMode.MemoryMapAndLock,
                _ => throw new ArgumentOutOfRangeException(nameof(options), options.LoadMode, "unknown load mode"),
            },
            FlashAttention = options.FlashAttention,
        };

        long mark = LlamaNative.RecentLog.Mark();
        LLamaWeights weights;
        try
        {
            weights = LLamaWeights.LoadFromFile(parameters);
        }
        catch (Exception e) when (e is LoadWeightsFailedException or RuntimeError)
        {
            throw new ModelLoadException(options.ModelPath, "llama.cpp could not load it: " + (LlamaNative.RecentLog.LastProblem() ?? e.Message));
        }

        try
        {
            var context = weights.CreateContext(parameters);
            return new LlamaCppSession(weights, context, parameters) { Buffers = LlamaBufferLog.Parse(LlamaNative.RecentLog.Since(mark)) };
        }
        catch (RuntimeError e)
        {
            weights.Dispose();
            throw new ModelLoadException(options.ModelPath, "llama.cpp could not create a context: " + (LlamaNative.RecentLog.LastProblem() ?? e.Message));
        }
    }
}
