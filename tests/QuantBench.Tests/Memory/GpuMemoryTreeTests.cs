using QuantBench.Memory;

namespace QuantBench.Tests.Memory;

/// <summary>A server's GPU memory is its process tree's: NVML lists each process, QuantBench sums the tree's.</summary>
public sealed class GpuMemoryTreeTests
{
    private const long GiB = 1L << 30;

    private static FakeNvmlApi TwoDevices() => new()
    {
        Devices =
        {
            ("GPU 0", new NvmlDeviceMemory(80 * GiB, 70 * GiB, 10 * GiB), [new(100, 1 * GiB), new(101, 2 * GiB), new(300, 7 * GiB)]),
            ("GPU 1", new NvmlDeviceMemory(80 * GiB, 76 * GiB, 4 * GiB), [new(101, 4 * GiB)]),
        },
    };

    [Fact]
    public void The_tree_use_sums_its_processes_on_every_device_and_leaves_out_others()
    {
        using var reader = new GpuMemoryReader(TwoDevices());

        var info = reader.Read([100, 101]);

        Assert.Equal(7 * GiB, info.ProcessUsedBytes);
        Assert.Equal(14 * GiB, info.DeviceUsedBytes);
    }

    [Fact]
    public void The_sampler_follows_the_tree_as_it_changes()
    {
        var api = TwoDevices();
        using var reader = new GpuMemoryReader(api);
        IReadOnlyCollection<int> tree = [100];
        using var sampler = new GpuMemorySampler(reader, () => tree);

        sampler.SampleOnce();
        tree = [100, 101];
        sampler.SampleOnce();

        Assert.Equal(new MemoryFigure(7 * GiB, MemoryMeasurementMethod.Nvml), sampler.Current().PeakProcessUsed);
    }
}
