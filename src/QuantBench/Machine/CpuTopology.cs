using System.Collections.Immutable;
using System.Globalization;

namespace QuantBench.Machine;

/// <summary>
/// What /sys says about the CPUs the probe cares for: the physical core of each logical CPU (hyperthreads share
/// one) and the size of the last-level cache, which the probe's buffer must exceed several times.
/// </summary>
public sealed record CpuTopology
{
    /// <summary>Logical CPU -> "package:core" of its physical core; empty when /sys does not say.</summary>
    public required ImmutableDictionary<int, string> CoreOf { get; init; }

    /// <summary>Size of the level-3 cache of cpu0 in bytes; null when unknown.</summary>
    public required long? L3CacheBytes { get; init; }

    /// <summary>Reads /sys/devices/system/cpu, and /proc/cpuinfo's "cache size" when sysfs has no L3; missing files give empty figures.</summary>
    public static CpuTopology Read()
    {
        const string root = "/sys/devices/system/cpu";
        var cores = ImmutableDictionary.CreateBuilder<int, string>();
        long? l3 = null;
        try
        {
            foreach (string dir in Directory.EnumerateDirectories(root, "cpu*"))
            {
                if (!int.TryParse(Path.GetFileName(dir)[3..], NumberStyles.None, CultureInfo.InvariantCulture, out int cpu))
                {
                    continue;
                }

                if (TryRead(Path.Combine(dir, "topology", "core_id")) is { } core)
                {
                    cores[cpu] = (TryRead(Path.Combine(dir, "topology", "physical_package_id")) ?? "0") + ":" + core;
                }
            }

            for (int index = 0; index < 8 && l3 is null; index++)
            {
                string cache = Path.Combine(root, "cpu0", "cache", "index" + index.ToString(CultureInfo.InvariantCulture));
                if (TryRead(Path.Combine(cache, "level")) == "3")
                {
                    l3 = ParseCacheSize(TryRead(Path.Combine(cache, "size")));
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Not Linux, or a sandbox: no topology.
        }

        if (l3 is null && TryRead("/proc/cpuinfo") is { } cpuinfo)
        {
            l3 = cpuinfo.Split('\n').Where(l => l.StartsWith("cache size", StringComparison.Ordinal))
                .Select(l => ParseCacheSize(l[(l.IndexOf(':') + 1)..])).FirstOrDefault();
        }

        return new CpuTopology { CoreOf = cores.ToImmutable(), L3CacheBytes = l3 };
    }

    /// <summary>Parses sysfs's "32768K" or cpuinfo's "1024 KB" (also M/MB); null when it is neither.</summary>
    public static long? ParseCacheSize(string? text)
    {
        string t = (text ?? "").Trim().ToUpperInvariant().Replace(" ", "", StringComparison.Ordinal).TrimEnd('B');
        long unit = t.EndsWith('K') ? 1024 : t.EndsWith('M') ? 1024 * 1024 : 1;
        string digits = unit == 1 ? t : t[..^1];
        return long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out long value) && value > 0 ? value * unit : null;
    }

    /// <summary>
    /// The CPUs to pin <paramref name="threads"/> readers to: one per physical core first (a core's hyperthreads
    /// share its load ports), then the remaining logical CPUs; fewer than asked when fewer are allowed.
    /// </summary>
    public ImmutableArray<int> PickCpus(IReadOnlyList<int> allowed, int threads)
    {
        var firstOfEachCore = new List<int>();
        var rest = new List<int>();
        var seen = new HashSet<string>();
        foreach (int cpu in allowed)
        {
            string core = CoreOf.TryGetValue(cpu, out var c) ? c : "cpu" + cpu.ToString(CultureInfo.InvariantCulture);
            (seen.Add(core) ? firstOfEachCore : rest).Add(cpu);
        }

        return [.. firstOfEachCore.Concat(rest).Take(threads)];
    }

    private static string? TryRead(string path)
    {
        try
        {
            return File.Exists(path) ? File.ReadAllText(path).Trim() : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
