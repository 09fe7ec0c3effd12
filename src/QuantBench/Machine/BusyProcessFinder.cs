using System.Collections.Immutable;

namespace QuantBench.Machine;

/// <summary>
/// Finds processes that used CPU between two readings of /proc/*/stat. Pure, so it is tested with
/// made-up readings; <see cref="MachineFingerprintReader"/> supplies real ones.
/// </summary>
public static class BusyProcessFinder
{
    /// <summary>
    /// USER_HZ, the unit of /proc/&lt;pid&gt;/stat times: 100 on every mainstream Linux build
    /// (reading sysconf(_SC_CLK_TCK) would need native code in the core library).
    /// </summary>
    public const double ClockTicksPerSecond = 100;

    /// <summary>Share of one core above which a process counts as busy.</summary>
    public const double DefaultThreshold = 0.10;

    /// <summary>
    /// Processes other than <paramref name="excludeProcessId"/> whose CPU use between the readings exceeds
    /// <paramref name="threshold"/> of a core, busiest first. Processes absent from either reading are skipped.
    /// </summary>
    public static ImmutableArray<BusyProcess> Find(
        IReadOnlyDictionary<int, (string Name, long CpuTicks)> first,
        IReadOnlyDictionary<int, (string Name, long CpuTicks)> second,
        double elapsedSeconds,
        int excludeProcessId,
        double threshold = DefaultThreshold)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(elapsedSeconds);
        return
        [
            .. second
                .Where(p => p.Key != excludeProcessId && first.ContainsKey(p.Key))
                .Select(p => new BusyProcess(p.Key, p.Value.Name, (p.Value.CpuTicks - first[p.Key].CpuTicks) / ClockTicksPerSecond / elapsedSeconds))
                .Where(b => b.CoreShare > threshold)
                .OrderByDescending(b => b.CoreShare),
        ];
    }
}
