using System.Globalization;

namespace QuantBench.Decisions;

/// <summary>
/// Parses sizes people type: <c>8GiB</c>, <c>512MiB</c>, <c>4GB</c>, <c>1.5 GiB</c>, plain bytes. Binary units
/// (KiB, MiB, GiB, TiB) are powers of 1024, decimal units (kB, MB, GB, TB) powers of 1000; a bare K/M/G is refused
/// because it is ambiguous between the two.
/// </summary>
public static class ByteSize
{
    private static readonly (string Suffix, double Factor)[] Units =
    [
        ("TiB", 1024d * 1024 * 1024 * 1024), ("GiB", 1024d * 1024 * 1024), ("MiB", 1024d * 1024), ("KiB", 1024),
        ("TB", 1e12), ("GB", 1e9), ("MB", 1e6), ("KB", 1e3), ("B", 1),
    ];

    /// <summary>The size in bytes.</summary>
    /// <exception cref="FormatException">The text is not a size; the message is one line naming it.</exception>
    public static long Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string trimmed = text.Trim();
        foreach (var (suffix, factor) in Units)
        {
            if (trimmed.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)
                && (suffix != "B" || !char.IsLetter(trimmed.Length > 1 ? trimmed[^2] : '0')))
            {
                return Scale(text, trimmed[..^suffix.Length], factor);
            }
        }

        return Scale(text, trimmed, 1);
    }

    private static long Scale(string original, string number, double factor)
    {
        if (!double.TryParse(number.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double value)
            || double.IsNaN(value))
        {
            throw new FormatException($"'{original}' is not a size; write e.g. 8GiB, 512MiB, 4GB or a number of bytes");
        }

        double bytes = Math.Round(value * factor);
        if (bytes < 1 || bytes > long.MaxValue)
        {
            throw new FormatException($"'{original}' is out of range; a size must be at least 1 byte");
        }

        return (long)bytes;
    }
}
