using QuantBench.Memory;

namespace QuantBench.Tests.Memory;

public sealed class GpuMemorySamplerTests
{
    private const long GiB = 1L << 30;
    private const int OurPid = 4242;

    private static FakeNvmlApi OneDevice(long usedBytes, long ourBytes) => new()
    {
        Devices = { ("GPU", new NvmlDeviceMemory(80 * GiB, 80 * GiB - usedBytes, usedBytes), [new(OurPid, ourBytes)]) },
    };

    [Fact]
    public void Keeps_first_reading_as_baseline_and_the_highest_as_peak()
    {
        var api = OneDevice(usedBytes: 1 * GiB, ourBytes: 0);
        using var reader = new GpuMemoryReader(api);
        using var sampler = new GpuMemorySampler(reader, OurPid);

        sampler.SampleOnce();
        api.SetUsed(0, 9 * GiB);
        api.Devices[0].Processes[0] = new NvmlProcessMemory(OurPid, 8 * GiB);
        sampler.SampleOnce();
        api.SetUsed(0, 5 * GiB);
        api.Devices[0].Processes[0] = new NvmlProcessMemory(OurPid, 4 * GiB);
        sampler.SampleOnce();
        var result = sampler.Current();

        Assert.True(result.IsAvailable);
        Assert.Equal(3, result.SampleCount);
        Assert.Equal(1 * GiB, result.BaselineDeviceUsedBytes);
        Assert.Equal(new MemoryFigure(9 * GiB, MemoryMeasurementMethod.Nvml), result.PeakDeviceUsed);
        Assert.Equal(8 * GiB, result.PeakDeviceUsedDeltaBytes);
        Assert.Equal(8 * GiB, result.PeakProcessUsed?.Bytes);
        Assert.Equal(80 * GiB, result.DeviceTotalBytes);
    }

    [Fact]
    public void Without_gpu_the_result_is_unavailable_with_the_reason()
    {
        using var reader = new GpuMemoryReader(new FakeNvmlApi());
        using var sampler = new GpuMemorySampler(reader, OurPid, TimeSpan.FromMilliseconds(2));

        sampler.Start();
        var result = sampler.Stop();

        Assert.False(result.IsAvailable);
        Assert.Equal(0, result.SampleCount);
        Assert.Contains("no GPU", result.UnavailableReason);
    }

    [Fact]
    public void Polls_on_its_own_thread_between_start_and_stop()
    {
        using var reader = new GpuMemoryReader(OneDevice(2 * GiB, 1 * GiB));
        using var sampler = new GpuMemorySampler(reader, OurPid, TimeSpan.FromMilliseconds(2));

        sampler.Start();
        Thread.Sleep(50);
        var result = sampler.Stop();

        // Start and Stop take one reading each; more means the thread polled.
        Assert.True(result.SampleCount > 2, $"{result.SampleCount} readings");
        Assert.Same(result, sampler.Stop());
    }
}
