using System.Diagnostics;
using System.Runtime.InteropServices;

namespace QuantBench.Machine;

/// <summary>Takes a <see cref="MachineFingerprint"/> from /proc and /sys; a missing file makes a figure "unavailable", never an error.</summary>
public static class MachineFingerprintReader
{
    /// <summary>How long other processes' CPU use is observed.</summary>
    public static readonly TimeSpan DefaultObservation = TimeSpan.FromMilliseconds(200);

    /// <summary>Reads the fingerprint, blocking for the observation window (200 ms by default).</summary>
    public static MachineFingerprint Read(TimeSpan? observation = null) =>
        ReadAsync(observation, CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>Reads the fingerprint; the observation window is awaited, not slept.</summary>
    public static async Task<MachineFingerprint> ReadAsync(TimeSpan? observation = null, CancellationToken cancellationToken = default)
    {
        var window = observation ?? DefaultObservation;
        var first = ReadCpuTicks();
        var clock = Stopwatch.StartNew();
        await Task.Delay(window, cancellationToken).ConfigureAwait(false);
        var second = ReadCpuTicks();
        var elapsed = clock.Elapsed.TotalSeconds;

        var cpu = TryRead("/proc/cpuinfo") is { } cpuText ? CpuInfoParser.Parse(cpuText) : null;
        var (total, available) = TryRead("/proc/meminfo") is { } memText ? MemInfoParser.Parse(memText) : (null, null);
        return new MachineFingerprint
        {
            CpuModel = cpu?.ModelName ?? MachineFingerprint.Unavailable,
            // The process's own count honours affinity masks and container CPU limits; cpuinfo lists the host's.
            LogicalCores = Environment.ProcessorCount,
            CpuFlags = cpu?.Flags ?? [],
            TotalMemoryBytes = total,
            AvailableMemoryBytes = available,
            OsDescription = RuntimeInformation.OSDescription,
            KernelVersion = TryRead("/proc/sys/kernel/osrelease")?.Trim() ?? Environment.OSVersion.VersionString,
            DotNetVersion = RuntimeInformation.FrameworkDescription,
            CpuGovernor = TryRead("/sys/devices/system/cpu/cpu0/cpufreq/scaling_governor")?.Trim() ?? MachineFingerprint.Unavailable,
            LoadAverage = TryRead("/proc/loadavg") is { } loadText ? LoadAverageParser.Parse(loadText) : null,
            BusyProcesses = BusyProcessFinder.Find(first, second, elapsed, Environment.ProcessId),
            HostName = Environment.MachineName,
            TimestampUtc = DateTimeOffset.UtcNow,
        };
    }

    /// <summary>CPU ticks of every process in /proc; processes that vanish while listed are skipped.</summary>
    internal static Dictionary<int, (string Name, long CpuTicks)> ReadCpuTicks()
    {
        var result = new Dictionary<int, (string, long)>();
        string[] entries;
        try
        {
            entries = Directory.GetDirectories("/proc");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return result;
        }
        foreach (var dir in entries)
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
                continue;
            if (TryRead(Path.Combine(dir, "stat")) is { } text && ProcStatParser.TryParse(text, out var name, out var ticks))
                result[pid] = (name, ticks);
        }
        return result;
    }

    private static string? TryRead(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return null;
        }
    }
}
