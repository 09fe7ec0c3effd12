using ScottPlot;
using SkiaSharp;

namespace QuantBench.Charts.Fonts;

/// <summary>
/// Gives ScottPlot the font embedded in this assembly (DejaVu Sans), so chart text renders on a machine
/// without any system font, where Skia would otherwise draw no text at all.
/// </summary>
internal sealed class EmbeddedFontResolver : IFontResolver
{
    /// <summary>The name charts ask for; deliberately not a system family name, so it never resolves elsewhere.</summary>
    public const string FontName = "QuantBench Sans";

    private const string ResourceName = "QuantBench.Charts.DejaVuSans.ttf";

    private static readonly Lazy<SKTypeface> Typeface = new(Load);

    // ScottPlot keeps its resolvers in a process-wide list; registering once, under the Lazy's lock, keeps it from growing.
    private static readonly Lazy<bool> Registration = new(() =>
    {
        ScottPlot.Fonts.FontResolvers.Insert(0, new EmbeddedFontResolver());
        return true;
    });

    /// <summary>Makes <see cref="FontName"/> resolvable; safe to call any number of times from any thread.</summary>
    public static void EnsureRegistered() => _ = Registration.Value;

    public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing spacing) =>
        fontName == FontName ? Typeface.Value : null;

    public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) =>
        fontName == FontName ? Typeface.Value : null;

    private static SKTypeface Load()
    {
        using var stream = typeof(EmbeddedFontResolver).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"the chart font {ResourceName} is missing from {typeof(EmbeddedFontResolver).Assembly.GetName().Name}");
        return SKTypeface.FromStream(stream)
            ?? throw new InvalidOperationException($"Skia could not read the embedded chart font {ResourceName}");
    }
}
