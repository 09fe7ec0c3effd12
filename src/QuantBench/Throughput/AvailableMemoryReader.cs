namespace QuantBench.Throughput;

/// <summary>Reads MemAvailable from <c>/proc/meminfo</c>: the kernel's estimate of memory a new allocation can take without swapping.</summary>
public static class AvailableMemoryReader
{
    /// <summary>Bytes available, or null where /proc/meminfo is absent or has no MemAvailable line.</summary>
    public static long? Read()
    {
        try
        {
            return Parse(File.ReadAllText("/proc/meminfo"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return null;
        }
    }

    internal static long? Parse(string meminfo)
    {
        foreach (var line in meminfo.Split('\n'))
        {
            if (!line.StartsWith("MemAvailable:", StringComparison.Ordinal))
            {
                continue;
            }

            var parts = line["MemAvailable:".Length..].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return parts.Length > 0 && long.TryParse(parts[0], out long kib) ? kib * 1024 : null;
        }

        return null;
    }
}
