using System.Globalization;

namespace QuantBench.Machine;

/// <summary>Parses /proc/loadavg ("0.61 0.30 0.12 1/84 3625").</summary>
public static class LoadAverageParser
{
    /// <summary>Null when the text does not start with three numbers.</summary>
    public static LoadAverage? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 3)
            return null;
        var values = new double[3];
        for (var i = 0; i < 3; i++)
        {
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]))
                return null;
        }
        return new LoadAverage(values[0], values[1], values[2]);
    }
}
