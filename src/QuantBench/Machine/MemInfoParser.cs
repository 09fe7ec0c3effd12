using QuantBench.Memory;

namespace QuantBench.Machine;

/// <summary>Parses /proc/meminfo.</summary>
public static class MemInfoParser
{
    /// <summary>MemTotal and MemAvailable in bytes; null for a line that is absent (MemAvailable needs Linux 3.14).</summary>
    public static (long? TotalBytes, long? AvailableBytes) Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        long? total = null, available = null;
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            var colon = line.IndexOf(':');
            if (colon <= 0 || !ProcStatusParser.TryParseKilobytes(line[(colon + 1)..], out var bytes))
                continue;
            var key = line[..colon];
            if (key.SequenceEqual("MemTotal"))
                total = bytes;
            else if (key.SequenceEqual("MemAvailable"))
                available = bytes;
        }
        return (total, available);
    }
}
