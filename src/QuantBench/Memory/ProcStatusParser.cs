using System.Globalization;

namespace QuantBench.Memory;

/// <summary>Parses the text of <c>/proc/&lt;pid&gt;/status</c> into a <see cref="ProcessMemorySnapshot"/>.</summary>
public static class ProcStatusParser
{
    /// <summary>
    /// Returns null when VmRSS or VmHWM is missing: kernel threads and zombies have no memory lines,
    /// and a snapshot of zeros would read as a real measurement.
    /// </summary>
    public static ProcessMemorySnapshot? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Parse(text.AsSpan());
    }

    /// <summary>Span overload, so the sampler can parse from a reused buffer without a string per reading.</summary>
    internal static ProcessMemorySnapshot? Parse(ReadOnlySpan<char> text)
    {
        long? rss = null, hwm = null;
        long anon = 0, file = 0, shmem = 0, swap = 0;

        foreach (var rawLine in text.EnumerateLines())
        {
            var colon = rawLine.IndexOf(':');
            if (colon <= 0)
                continue;
            var key = rawLine[..colon];
            if (!TryParseKilobytes(rawLine[(colon + 1)..], out var bytes))
                continue;
            switch (key)
            {
                case "VmRSS": rss = bytes; break;
                case "VmHWM": hwm = bytes; break;
                case "RssAnon": anon = bytes; break;
                case "RssFile": file = bytes; break;
                case "RssShmem": shmem = bytes; break;
                case "VmSwap": swap = bytes; break;
            }
        }

        if (rss is null || hwm is null)
            return null;

        return new ProcessMemorySnapshot
        {
            ResidentBytes = rss.Value,
            PeakResidentBytes = hwm.Value,
            AnonymousResidentBytes = anon,
            FileResidentBytes = file,
            SharedMemoryResidentBytes = shmem,
            SwapBytes = swap,
        };
    }

    /// <summary>Parses a value such as "   123456 kB" (the kernel's "kB" means KiB).</summary>
    internal static bool TryParseKilobytes(ReadOnlySpan<char> value, out long bytes)
    {
        value = value.Trim();
        if (value.EndsWith("kB", StringComparison.Ordinal))
            value = value[..^2].TrimEnd();
        else
        {
            bytes = 0;
            return false;
        }
        if (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var kib))
        {
            bytes = kib * 1024;
            return true;
        }
        bytes = 0;
        return false;
    }
}
