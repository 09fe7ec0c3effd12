using System.Globalization;

namespace QuantBench.Machine;

/// <summary>Parses /proc/&lt;pid&gt;/stat for the process name and the CPU time it has used.</summary>
public static class ProcStatParser
{
    /// <summary>
    /// Name (field 2) and utime + stime (fields 14 and 15) in clock ticks. The name is in parentheses and
    /// may itself hold spaces and parentheses, so fields are counted from the last ')'.
    /// </summary>
    public static bool TryParse(string text, out string name, out long cpuTicks)
    {
        ArgumentNullException.ThrowIfNull(text);
        name = "";
        cpuTicks = 0;
        var open = text.IndexOf('(');
        var close = text.LastIndexOf(')');
        if (open < 0 || close < open)
            return false;
        name = text[(open + 1)..close];
        // After ')': field 3 (state) is index 0, so field k is index k - 3.
        var fields = text[(close + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        const int UtimeIndex = 14 - 3, StimeIndex = 15 - 3;
        if (fields.Length <= StimeIndex
            || !long.TryParse(fields[UtimeIndex], NumberStyles.None, CultureInfo.InvariantCulture, out var utime)
            || !long.TryParse(fields[StimeIndex], NumberStyles.None, CultureInfo.InvariantCulture, out var stime))
            return false;
        cpuTicks = utime + stime;
        return true;
    }
}
