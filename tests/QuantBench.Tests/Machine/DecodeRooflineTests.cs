using QuantBench.Machine;

namespace QuantBench.Tests.Machine;

public sealed class DecodeRooflineTests
{
    [Fact]
    public void Ceiling_is_bandwidth_over_bytes_read_per_token()
    {
        // 50 GB/s over a 4 GB model plus 1 GB of KV cache: 10 tokens/s at best.
        var roofline = new DecodeRoofline(50e9, 4_000_000_000L + 1_000_000_000L);

        Assert.Equal(10.0, roofline.MaxTokensPerSecond, 9);
        Assert.Equal(0.75, roofline.ShareAchieved(7.5), 9);
    }

    [Fact]
    public void Kv_bytes_count_keys_and_values_of_every_layer_and_entry()
    {
        // Llama-3-8B-like: 32 layers, 8 KV heads of 128, f16 cache, 1000 entries: 2*32*8*128*1000*2 bytes.
        Assert.Equal(131_072_000L, DecodeRoofline.KvCacheBytesReadPerToken(32, 8, 128, 1000, 2.0));
    }

    [Fact]
    public void Mean_kv_bytes_over_a_generation_sit_at_the_midpoint()
    {
        // Prompt 10, generate 3: entries seen 11, 12, 13 -> mean 12, with 1 byte per entry per K and V and one layer/head/dim.
        Assert.Equal(24L, DecodeRoofline.MeanKvCacheBytesReadPerToken(1, 1, 1, promptTokens: 10, generatedTokens: 3, bytesPerElement: 1));
    }

    [Fact]
    public void Non_positive_inputs_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new DecodeRoofline(0, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DecodeRoofline(1e9, 0));
    }
}
