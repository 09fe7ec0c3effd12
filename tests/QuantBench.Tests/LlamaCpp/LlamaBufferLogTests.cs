using QuantBench.LlamaCpp;

namespace QuantBench.Tests.LlamaCpp;

public sealed class LlamaBufferLogTests
{
    // Lines as llama.cpp b10221 logs them when loading a model and creating a context.
    private static readonly string[] Log =
    [
        "Info: load_tensors:   CPU_Mapped model buffer size =    13.96 MiB",
        "Info: load_tensors:   CPU_REPACK model buffer size =     2.00 MiB",
        "Info: llama_context:        CPU  output buffer size =     0.00 MiB",
        "Info: llama_kv_cache:        CPU KV buffer size =     0.50 MiB",
        "Info: llama_kv_cache: size =    0.50 MiB (   256 cells,   4 layers,  1/1 seqs), K (f16):    0.25 MiB, V (f16):    0.25 MiB",
        "Info: sched_reserve:        CPU compute buffer size =     3.75 MiB",
        "Debug: ~llama_context:        CPU compute buffer size is   3.7549 MiB, matches expectation of   3.7549 MiB",
    ];

    [Fact]
    public void Kv_cache_and_compute_buffers_are_read_once_each()
    {
        var buffers = LlamaBufferLog.Parse(Log);
        Assert.Equal(512 * 1024, buffers.KvCacheBytes);
        Assert.Equal((long)(3.75 * 1024 * 1024), buffers.ComputeBufferBytes);
        Assert.Equal(0, buffers.OutputBufferBytes);
    }

    [Fact]
    public void Weight_buffers_are_kept_by_kind()
    {
        var buffers = LlamaBufferLog.Parse(Log);
        Assert.Equal((long)Math.Round(13.96 * 1024 * 1024), buffers.ModelBufferBytes["CPU_Mapped"]);
        Assert.Equal(2L * 1024 * 1024, buffers.ModelBufferBytes["CPU_REPACK"]);
    }

    [Fact]
    public void A_log_without_buffer_lines_gives_zeros()
    {
        var buffers = LlamaBufferLog.Parse(["Info: nothing to see"]);
        Assert.Equal(0, buffers.KvCacheBytes);
        Assert.Empty(buffers.ModelBufferBytes);
    }
}
