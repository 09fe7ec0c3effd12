using System.Globalization;

namespace QuantBench.Tests.Reports.Exporters;

/// <summary>
/// Runs code under a culture that writes decimal commas. The project runs with invariant globalization, where
/// de-DE may not exist, so a clone of the invariant culture with German separators stands in when needed.
/// </summary>
internal static class DecimalCommaCulture
{
    public static CultureInfo Create()
    {
        try
        {
            var german = CultureInfo.GetCultureInfo("de-DE");
            if (german.NumberFormat.NumberDecimalSeparator == ",")
            {
                return german;
            }
        }
        catch (CultureNotFoundException)
        {
            // Invariant globalization mode: fall through to the stand-in.
        }

        var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        culture.NumberFormat.NumberDecimalSeparator = ",";
        culture.NumberFormat.NumberGroupSeparator = ".";
        return culture;
    }

    public static T Run<T>(Func<T> action)
    {
        var saved = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = Create();
        try
        {
            Assert.Equal("1,5", 1.5.ToString(CultureInfo.CurrentCulture)); // the culture really writes commas
            return action();
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }
}
