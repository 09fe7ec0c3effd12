using System.Collections.Immutable;
using System.Globalization;

namespace QuantBench.Memory;

/// <summary>
/// A snapshot of the live processes' parent and group links from <c>/proc/*/stat</c>, and the tree
/// and group queries a launched server needs. Zombies are left out: they hold no memory and cannot be signalled away.
/// </summary>
public sealed class ProcessTable
{
    private readonly ImmutableArray<ProcessStatLine> _processes;

    /// <summary>A table over the given lines (tests build it by hand).</summary>
    public ProcessTable(IEnumerable<ProcessStatLine> processes) => _processes = [.. processes.Where(p => !p.IsZombie)];

    /// <summary>The live processes now; empty where /proc is absent.</summary>
    public static ProcessTable Read()
    {
        var lines = new List<ProcessStatLine>();
        string[] entries;
        try
        {
            entries = Directory.GetDirectories("/proc");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return new ProcessTable(lines);
        }

        foreach (var entry in entries)
        {
            var name = Path.GetFileName(entry);
            if (name.Length == 0 || !char.IsAsciiDigit(name[0]) || !int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out _))
                continue;
            try
            {
                if (ProcessStatLine.TryParse(File.ReadAllText(Path.Combine(entry, "stat"))) is { } line)
                    lines.Add(line);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The process exited between the listing and the read.
            }
        }
        return new ProcessTable(lines);
    }

    /// <summary>Whether <paramref name="processId"/> is alive (and not a zombie).</summary>
    public bool Contains(int processId) => _processes.Any(p => p.ProcessId == processId);

    /// <summary>Live processes in group <paramref name="processGroupId"/>.</summary>
    public ImmutableArray<int> GroupMembers(int processGroupId) =>
        [.. _processes.Where(p => p.ProcessGroupId == processGroupId).Select(p => p.ProcessId)];

    /// <summary>
    /// <paramref name="rootProcessId"/> (when alive), its descendants by parent link, and every member of its
    /// process group: a wrapper script's children, and those that outlived a parent that exited (reparented away).
    /// </summary>
    public ImmutableArray<int> TreeAndGroup(int rootProcessId)
    {
        var children = _processes.ToLookup(p => p.ParentProcessId, p => p.ProcessId);
        var found = new HashSet<int>();
        var pending = new Stack<int>();
        foreach (var p in _processes.Where(p => p.ProcessId == rootProcessId || p.ProcessGroupId == rootProcessId))
            pending.Push(p.ProcessId);
        while (pending.Count > 0)
        {
            var pid = pending.Pop();
            if (!found.Add(pid))
                continue;
            foreach (var child in children[pid])
                pending.Push(child);
        }
        return [.. found.Order()];
    }
}
