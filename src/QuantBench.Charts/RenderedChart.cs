using System.Collections.Immutable;

namespace QuantBench.Charts;

/// <summary>One chart drawn both ways: SVG for the HTML report and papers, PNG for slides.</summary>
/// <param name="Id">File stem and HTML id, e.g. <c>latency</c>.</param>
/// <param name="Caption">Says what the marks and the error bars mean.</param>
public sealed record RenderedChart(string Id, string Title, string Caption, string Svg, ImmutableArray<byte> Png)
{
    public const int WidthPixels = 960;
    public const int HeightPixels = 540;
}
