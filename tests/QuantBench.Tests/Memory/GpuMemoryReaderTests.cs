using QuantBench.Memory;

namespace QuantBench.Tests.Memory;

public sealed class GpuMemoryReaderTests
{
    private const long GiB = 1L << 30;
    private const int OurPid = 4242;

    private static FakeNvmlApi TwoDevices() => new()
    {
        Devices =
        {
            ("NVIDIA H200", new NvmlDeviceMemory(141 * GiB, 131 * GiB, 10 * GiB), [new(OurPid, 6 * GiB), new(77, 3 * GiB)]),
            ("NVIDIA H200", new NvmlDeviceMemory(141 * GiB, 139 * GiB, 2 * GiB), [new(OurPid, 1 * GiB)]),
        },
    };

    [Fact]
    public void Sums_device_use_and_picks_out_our_process_on_every_device()
    {
        using var reader = new GpuMemoryReader(TwoDevices());

        var info = reader.Read(OurPid);

        Assert.True(info.IsAvailable);
        Assert.Equal(2, info.Devices.Length);
        Assert.Equal(12 * GiB, info.DeviceUsedBytes);
        Assert.Equal(282 * GiB, info.DeviceTotalBytes);
        Assert.Equal(7 * GiB, info.ProcessUsedBytes);
        Assert.Equal(6 * GiB, info.Devices[0].ProcessUsedBytes);
        Assert.Equal("NVIDIA H200", info.Devices[1].Name);
    }

    [Fact]
    public void Process_not_listed_gives_null_not_zero()
    {
        // In a container NVML lists host PIDs: ours is then absent, which must not read as "uses nothing".
        using var reader = new GpuMemoryReader(TwoDevices());

        var info = reader.Read(processId: 999);

        Assert.True(info.IsAvailable);
        Assert.Null(info.ProcessUsedBytes);
        Assert.Equal(12 * GiB, info.DeviceUsedBytes);
    }

    [Fact]
    public void Process_figure_not_available_in_nvml_is_treated_as_unknown()
    {
        var api = TwoDevices();
        api.Devices[0].Processes[0] = new NvmlProcessMemory(OurPid, null);
        using var reader = new GpuMemoryReader(api);

        var info = reader.Read(OurPid);

        Assert.Null(info.Devices[0].ProcessUsedBytes);
        Assert.Equal(1 * GiB, info.ProcessUsedBytes);
    }

    [Fact]
    public void Failed_process_query_keeps_device_figures()
    {
        var api = TwoDevices();
        api.ProcessesResult = NvmlResult.NoPermission;
        using var reader = new GpuMemoryReader(api);

        var info = reader.Read(OurPid);

        Assert.True(info.IsAvailable);
        Assert.Null(info.ProcessUsedBytes);
        Assert.Equal(12 * GiB, info.DeviceUsedBytes);
    }

    [Fact]
    public void No_device_is_unavailable_with_a_reason()
    {
        using var reader = new GpuMemoryReader(new FakeNvmlApi());

        var info = reader.Read(OurPid);

        Assert.False(info.IsAvailable);
        Assert.Contains("no GPU", info.UnavailableReason);
    }

    [Fact]
    public void Failing_driver_is_unavailable_with_the_nvml_error()
    {
        using var reader = new GpuMemoryReader(new FakeNvmlApi { CountResult = NvmlResult.DriverNotLoaded });

        var info = reader.Read(OurPid);

        Assert.False(info.IsAvailable);
        Assert.Contains("DriverNotLoaded", info.UnavailableReason);
    }

    [Fact]
    public void Native_reader_on_a_machine_without_driver_answers_unavailable_instead_of_throwing()
    {
        using var reader = GpuMemoryReader.OpenNative();

        var info = reader.Read(Environment.ProcessId);

        // Either this machine has an NVIDIA GPU and the figures are sane, or it says why not.
        if (info.IsAvailable)
            Assert.All(info.Devices, d => Assert.InRange(d.UsedBytes, 0, d.TotalBytes));
        else
            Assert.False(string.IsNullOrWhiteSpace(info.UnavailableReason));
    }

    [Fact]
    public void Reader_disposes_the_api_it_owns()
    {
        var api = TwoDevices();
        new GpuMemoryReader(api).Dispose();

        Assert.True(api.Disposed);
    }
}
