using System.Globalization;

namespace QuantBench.Memory;

/// <summary>The fields of one <c>/proc/&lt;pid&gt;/stat</c> line that place a process in its tree and group.</summary>
public readonly record struct ProcessStatLine(int ProcessId, char State, int ParentProcessId, int ProcessGroupId)
{
    /// <summary>A zombie has exited and holds no memory; only its parent's wait is missing.</summary>
    public bool IsZombie => State is 'Z' or 'X';

    /// <summary>
    /// Parses "pid (comm) state ppid pgrp ...". The command name may hold spaces and parentheses,
    /// so the fields are read after its last ')'. Null for text that is not a stat line.
    /// </summary>
    public static ProcessStatLine? TryParse(string text)
    {
        var open = text.IndexOf(" (", StringComparison.Ordinal);
        var close = text.LastIndexOf(')');
        if (open < 1 || close < open || close + 2 >= text.Length)
            return null;
        var fields = text[(close + 2)..].Split(' ', 4, StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 3 || fields[0].Length != 1
            || !int.TryParse(text.AsSpan(0, open), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
            || !int.TryParse(fields[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var ppid)
            || !int.TryParse(fields[2], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var pgrp))
            return null;
        return new ProcessStatLine(pid, fields[0][0], ppid, pgrp);
    }
}
