using System.Collections.Immutable;
using QuantBench.Machine;

namespace QuantBench.Tests.Machine;

public sealed class CpuTopologyTests
{
    [Theory]
    [InlineData("32768K", 32L * 1024 * 1024)]
    [InlineData(" 1024 KB", 1024L * 1024)]
    [InlineData("96M", 96L * 1024 * 1024)]
    [InlineData("512", 512L)]
    public void Cache_sizes_from_sysfs_and_cpuinfo_parse(string text, long bytes)
    {
        Assert.Equal(bytes, CpuTopology.ParseCacheSize(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("big")]
    [InlineData("0K")]
    public void Unreadable_cache_sizes_are_unknown(string? text)
    {
        Assert.Null(CpuTopology.ParseCacheSize(text));
    }

    [Fact]
    public void One_thread_per_physical_core_before_any_hyperthread()
    {
        // Two cores with two hyperthreads each, numbered as Linux does: 0,1 are the cores, 2,3 their siblings.
        var topology = new CpuTopology
        {
            CoreOf = new Dictionary<int, string> { [0] = "0:0", [1] = "0:1", [2] = "0:0", [3] = "0:1" }.ToImmutableDictionary(),
            L3CacheBytes = null,
        };

        Assert.Equal(new[] { 0, 1 }, topology.PickCpus([0, 1, 2, 3], 2).ToArray());
        Assert.Equal(new[] { 0, 1, 2 }, topology.PickCpus([0, 1, 2, 3], 3).ToArray());
        Assert.Equal(new[] { 2, 1 }, topology.PickCpus([2, 1, 3], 2).ToArray());
    }

    [Fact]
    public void Without_topology_every_allowed_cpu_counts_as_a_core_and_no_more_than_allowed_are_picked()
    {
        var topology = new CpuTopology { CoreOf = ImmutableDictionary<int, string>.Empty, L3CacheBytes = null };

        Assert.Equal(new[] { 4, 5 }, topology.PickCpus([4, 5], 8).ToArray());
        Assert.Empty(topology.PickCpus([], 2));
    }
}
