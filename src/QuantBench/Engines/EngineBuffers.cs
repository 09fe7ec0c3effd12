using System.Collections.Immutable;

namespace QuantBench.Engines;

/// <summary>
/// The memory an engine reserved for a session, as the engine itself reports it: the KV cache, the compute
/// buffers of its graph, the logits output buffer, and the weights' buffers by kind (for llama.cpp e.g.
/// <c>CPU_Mapped</c> for mmap'd weights, <c>CPU_REPACK</c> for weights repacked for the CPU).
/// </summary>
public sealed record EngineBuffers
{
    public static EngineBuffers Unknown { get; } = new();

    public long KvCacheBytes { get; init; }
    public long ComputeBufferBytes { get; init; }
    public long OutputBufferBytes { get; init; }
    public ImmutableDictionary<string, long> ModelBufferBytes { get; init; } = ImmutableDictionary<string, long>.Empty;
}
