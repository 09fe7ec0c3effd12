using System.Collections.Immutable;

namespace QuantBench.Machine;

/// <summary>
/// The machine a benchmark ran on and how busy it was, stored with the results so that figures from
/// different runs can be compared, or not. Text figures the machine does not expose read "unavailable".
/// </summary>
public sealed record MachineFingerprint
{
    /// <summary>Written where a figure cannot be read.</summary>
    public const string Unavailable = "unavailable";

    /// <summary>CPU model name from /proc/cpuinfo.</summary>
    public required string CpuModel { get; init; }

    /// <summary>Logical cores available to this process.</summary>
    public required int LogicalCores { get; init; }

    /// <summary>CPU flags that select llama.cpp kernels (avx2, avx512f, ...).</summary>
    public required ImmutableArray<string> CpuFlags { get; init; }

    /// <summary>Whether the CPU has AVX2.</summary>
    public bool HasAvx2 => CpuFlags.Contains("avx2");

    /// <summary>Whether the CPU has AVX-512 Foundation.</summary>
    public bool HasAvx512F => CpuFlags.Contains("avx512f");

    /// <summary>MemTotal; null when unavailable.</summary>
    public long? TotalMemoryBytes { get; init; }

    /// <summary>MemAvailable when the fingerprint was taken; null when unavailable.</summary>
    public long? AvailableMemoryBytes { get; init; }

    /// <summary>RuntimeInformation.OSDescription.</summary>
    public required string OsDescription { get; init; }

    /// <summary>Kernel release (/proc/sys/kernel/osrelease).</summary>
    public required string KernelVersion { get; init; }

    /// <summary>RuntimeInformation.FrameworkDescription, e.g. ".NET 10.0.0".</summary>
    public required string DotNetVersion { get; init; }

    /// <summary>cpu0's cpufreq governor ("performance", "powersave"...); "unavailable" in most VMs.</summary>
    public required string CpuGovernor { get; init; }

    /// <summary>Load averages; null when unavailable.</summary>
    public LoadAverage? LoadAverage { get; init; }

    /// <summary>Other processes using more than 10 % of a core during the ~200 ms observation.</summary>
    public required ImmutableArray<BusyProcess> BusyProcesses { get; init; }

    /// <summary>Host name.</summary>
    public required string HostName { get; init; }

    /// <summary>When the fingerprint was taken.</summary>
    public required DateTimeOffset TimestampUtc { get; init; }
}
