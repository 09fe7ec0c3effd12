namespace QuantBench.Memory;

/// <summary>
/// Resets the kernel's resident high-water mark (VmHWM) so that a later reading covers only what
/// follows, e.g. one benchmark case rather than the whole process lifetime.
/// </summary>
public static class HighWaterMark
{
    /// <summary>Resets the current process's VmHWM.</summary>
    public static bool TryReset() => TryReset(Environment.ProcessId);

    /// <summary>
    /// Writes "5" to <c>/proc/&lt;pid&gt;/clear_refs</c> (Linux 4.0+), which sets VmHWM to the current RSS.
    /// Returns true only when a re-read shows VmHWM no higher than RSS at the time of the reset,
    /// since some kernels and sandboxes accept the write and ignore it.
    /// </summary>
    public static bool TryReset(int pid)
    {
        try
        {
            File.WriteAllText($"/proc/{pid}/clear_refs", "5");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return false;
        }

        var after = ProcessMemoryReader.Read(pid);
        if (after is null)
            return false;
        // RSS can grow between the reset and the re-read; what must not survive is the old, higher peak.
        // Reading VmHWM and VmRSS from one status text, HWM equals RSS right after a reset unless RSS
        // fell since (then HWM is the higher, reset-time value), so allow a small slack of growth.
        const long SlackBytes = 16L * 1024 * 1024;
        return after.PeakResidentBytes <= after.ResidentBytes + SlackBytes;
    }

    /// <summary>
    /// Resets VmHWM of every process of <paramref name="rootProcessId"/>'s tree and group; true only when
    /// every reset held (a member that ignores the write would carry its old peak into the sum).
    /// </summary>
    public static bool TryResetTree(int rootProcessId)
    {
        var members = ProcessTable.Read().TreeAndGroup(rootProcessId);
        var allHeld = members.Length > 0;
        foreach (var pid in members)
            allHeld &= TryReset(pid);
        return allHeld;
    }
}
