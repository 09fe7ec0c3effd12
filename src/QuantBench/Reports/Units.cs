using System.Globalization;

namespace QuantBench.Reports;

/// <summary>Formats figures for people: binary byte units, fixed decimals, invariant culture.</summary>
public static class Units
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Bytes(long bytes)
    {
        string[] units = ["B", "KiB", "MiB", "GiB", "TiB"];
        double value = bytes;
        int unit = 0;
        while (Math.Abs(value) >= 1024 && unit < units.Length - 1)
        {
            value /= 1024;
            unit++;
        }

        return unit == 0 ? $"{bytes} B" : string.Create(Invariant, $"{value:0.0} {units[unit]}");
    }

    public static string Number(double value, int decimals = 1) =>
        double.IsNaN(value) || double.IsInfinity(value) ? "n/a" : value.ToString("N" + decimals, Invariant);

    public static string Ratio(double value) =>
        double.IsNaN(value) || double.IsInfinity(value) ? "n/a" : string.Create(Invariant, $"{value:0.00}x");

    public static string Parameters(long count) => count switch
    {
        >= 1_000_000_000 => string.Create(Invariant, $"{count / 1e9:0.00} B"),
        >= 1_000_000 => string.Create(Invariant, $"{count / 1e6:0.0} M"),
        >= 1_000 => string.Create(Invariant, $"{count / 1e3:0.0} K"),
        _ => count.ToString(Invariant),
    };
}
