using LLama;
using LLama.Common;
using LLama.Exceptions;
using LLama.Native;
using QuantBench.Engines;

namespace QuantBench.LlamaCpp;

/// <summary>The one way QuantBench loads a model and creates a context in llama.cpp, with its refusals turned into one-line errors.</summary>
internal static class LlamaLoader
{
    /// <summary>
    /// llama.cpp's parameters for the options. Every default that differs between LLamaSharp and llama.cpp
    /// is set explicitly (GpuLayerCount defaults to 20, Threads to half the cores, LoadMode to no mmap, KVUnified to true).
    /// </summary>
    internal static ModelParams Parameters(ModelLoadOptions options)
    {
        // ModelParams reads llama.cpp's defaults, a native call: the library must be configured first.
        LlamaNative.EnsureLoaded();
        return NewParameters(options);
    }

    private static ModelParams NewParameters(ModelLoadOptions options) => new(options.ModelPath)
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
        // llama.cpp's default, as llama-bench runs. LLamaSharp's is a unified KV cache, with which every llama_decode
        // checks all 256 x 256 sequence pairs (llama_batch_allocr::init): 16% of the time of a token on ref-tiny.
        KVUnified = false,
    };

    /// <summary>Loads the weights and creates one context; throws <see cref="ModelLoadException"/> with llama.cpp's own reason.</summary>
    internal static (LLamaWeights Weights, LLamaContext Context) Load(ModelParams parameters)
    {
        LlamaNative.EnsureLoaded();
        LLamaWeights weights;
        try
        {
            weights = LLamaWeights.LoadFromFile(parameters);
        }
        catch (Exception e) when (e is LoadWeightsFailedException or RuntimeError)
        {
            throw new ModelLoadException(parameters.ModelPath, "llama.cpp could not load it: " + (LlamaNative.RecentLog.LastProblem() ?? e.Message));
        }

        LLamaContext context;
        try
        {
            context = weights.CreateContext(parameters);
        }
        catch (RuntimeError e)
        {
            weights.Dispose();
            throw new ModelLoadException(parameters.ModelPath, "llama.cpp could not create a context: " + (LlamaNative.RecentLog.LastProblem() ?? e.Message));
        }

        if (InterfaceMismatch(parameters, context.GenerationThreads, context.BatchThreads) is { } mismatch)
        {
            context.Dispose();
            weights.Dispose();
            throw new EngineUnavailableException(mismatch);
        }

        return (weights, context);
    }

    /// <summary>
    /// A library built from another llama.cpp interface reads LLamaSharp's context parameters at other offsets;
    /// the thread counts it reports back then differ from those asked for. Null when they agree.
    /// </summary>
    internal static string? InterfaceMismatch(ModelParams parameters, int generationThreads, int batchThreads) =>
        generationThreads == parameters.Threads && batchThreads == parameters.BatchThreads
            ? null
            : $"llama.cpp took {generationThreads}/{batchThreads} threads where {parameters.Threads}/{parameters.BatchThreads} were asked: "
              + $"the library ({LlamaNative.CustomLibrary ?? "bundled"}) does not share LLamaSharp {LlamaNative.LLamaSharpVersion}'s interface (llama.cpp {LlamaNative.BundledBuild})";
}
