namespace QuantBench.BrowserTests;

/// <summary>A fact that is skipped, saying why, on a machine without Debian's Chromium.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public ChromiumFactAttribute()
    {
        if (!File.Exists(ChromiumPath))
        {
            Skip = $"{ChromiumPath} is absent: install it with `apt-get install -y chromium` to run the browser tests";
        }
    }
}
