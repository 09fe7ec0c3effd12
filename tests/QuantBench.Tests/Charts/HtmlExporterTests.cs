using System.Xml.Linq;
using QuantBench.Charts.Fonts;
using QuantBench.Charts.Html;
using QuantBench.Tests.Gguf;

namespace QuantBench.Tests.Charts;

public sealed class HtmlExporterTests
{
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    [Fact]
    public void Export_writes_the_report_and_each_chart_as_png_and_svg()
    {
        using var dir = new TempDir();
        var run = SampleRuns.RealRun();

        new HtmlExporter().Export(run, dir.Path);

        string html = File.ReadAllText(dir.File("report.html"));
        string[] ids = ["latency", "memory", "decode-vs-size", "token-latency"];
        foreach (string id in ids)
        {
            Assert.Contains($"id=\"chart-{id}\"", html, StringComparison.Ordinal);
            byte[] png = File.ReadAllBytes(Path.Combine(dir.Path, "charts", id + ".png"));
            Assert.Equal(PngSignature, png.Take(8));
            Assert.True(png.Length > 5_000, $"{id}.png is only {png.Length} bytes");
            var svg = XDocument.Load(Path.Combine(dir.Path, "charts", id + ".svg"));
            Assert.Equal("svg", svg.Root!.Name.LocalName);
            Assert.Contains(svg.Descendants(), e => e.Name.LocalName == "text" && e.Value.Contains("tiny-Q8_0", StringComparison.Ordinal));
        }

        Assert.Empty(Directory.GetFiles(dir.Path, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void The_chart_font_name_resolves_to_the_embedded_typeface_not_a_system_one()
    {
        EmbeddedFontResolver.EnsureRegistered();
        var embedded = new EmbeddedFontResolver().CreateTypeface(EmbeddedFontResolver.FontName, bold: false, italic: false);

        Assert.NotNull(embedded);
        Assert.Equal("DejaVu Sans", embedded.FamilyName);
        Assert.Same(embedded, ScottPlot.Fonts.GetTypeface(EmbeddedFontResolver.FontName, bold: false, italic: false));
        Assert.Null(new EmbeddedFontResolver().CreateTypeface("Arial", bold: false, italic: false));
    }

    [Fact]
    public void Chart_text_is_drawn_with_the_embedded_font_whatever_the_system_has()
    {
        var chart = QuantBench.Charts.Plots.LatencyChart.Draw(QuantBench.Charts.Data.ChartData.From(SampleRuns.Ladder()))!;

        // The embedded DejaVu Sans names itself in the SVG; a missing font would leave Skia's empty default.
        Assert.Contains("font-family=\"DejaVu Sans\"", chart.Svg, StringComparison.Ordinal);
        Assert.Contains("Time per request", chart.Svg, StringComparison.Ordinal);
    }
}
