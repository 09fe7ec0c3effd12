namespace QuantBench.Memory;

/// <summary>Reads <c>/proc/&lt;pid&gt;/status</c>; returns null rather than throwing where it cannot (not Linux, process gone).</summary>
public static class ProcessMemoryReader
{
    /// <summary>Reads the current process.</summary>
    public static ProcessMemorySnapshot? Read() => Read(Environment.ProcessId);

    /// <summary>Reads the given process; null when its status file is absent or unreadable.</summary>
    public static ProcessMemorySnapshot? Read(int pid)
    {
        var text = TryReadStatusText(pid);
        return text is null ? null : ProcStatusParser.Parse(text);
    }

    internal static string StatusPath(int pid) => $"/proc/{pid}/status";

    internal static string? TryReadStatusText(int pid)
    {
        try
        {
            return File.ReadAllText(StatusPath(pid));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            // A missing /proc (not Linux) or a process that has exited: "unavailable", never an error.
            return null;
        }
    }
}
