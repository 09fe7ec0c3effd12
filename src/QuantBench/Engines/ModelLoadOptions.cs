namespace QuantBench.Engines;

/// <summary>How a model is loaded and what context it gets; every field is recorded with the results.</summary>
public sealed record ModelLoadOptions
{
    public required string ModelPath { get; init; }
    public int Threads { get; init; } = Math.Max(1, Environment.ProcessorCount);
    public int ContextSize { get; init; } = 512;
    public int BatchSize { get; init; } = 2048;
    public int MicroBatchSize { get; init; } = 512;
    public LoadMode LoadMode { get; init; } = LoadMode.Mmap;
    /// <summary>Flash attention: null lets the engine decide (llama.cpp's "auto", as llama-bench's default), true or false forces it.</summary>
    public bool? FlashAttention { get; init; }

    /// <summary>Layers offloaded to a GPU; 0 keeps everything on the CPU.</summary>
    public int GpuLayers { get; init; }
}
