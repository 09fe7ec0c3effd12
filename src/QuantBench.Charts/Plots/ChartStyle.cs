using System.Collections.Immutable;
using System.Globalization;
using QuantBench.Charts.Fonts;
using ScottPlot;

namespace QuantBench.Charts.Plots;

/// <summary>What every chart shares: the embedded font, titles and axis labels, colours, category ticks, rendering.</summary>
internal static class ChartStyle
{
    private static readonly IPalette Palette = new ScottPlot.Palettes.Category10();

    public static Plot NewPlot(string title, string xLabel, string yLabel)
    {
        EmbeddedFontResolver.EnsureRegistered();
        var plot = new Plot();
        plot.Title(title, size: 18);
        plot.XLabel(xLabel, size: 15);
        plot.YLabel(yLabel, size: 15);
        plot.Font.Set(EmbeddedFontResolver.FontName);
        plot.Axes.Title.Label.Bold = false;
        plot.Axes.Left.Label.Bold = false;
        plot.Axes.Bottom.Label.Bold = false;
        return plot;
    }

    public static Color Color(int index) => Palette.GetColor(index);

    /// <summary>Names the positions 0..n-1 of the bottom axis after the levels.</summary>
    public static void CategoryTicks(Plot plot, IReadOnlyList<string> labels)
    {
        double[] positions = Enumerable.Range(0, labels.Count).Select(i => (double)i).ToArray();
        plot.Axes.Bottom.SetTicks(positions, labels.ToArray());
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.HideGrid();
        plot.Grid.YAxisStyle.IsVisible = true;
        if (labels.Count > 5 || labels.Any(l => l.Length > 14))
        {
            plot.Axes.Bottom.TickLabelStyle.Rotation = 30;
            plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleLeft;
        }
    }

    public static string Number(double value, int decimals) => value.ToString("N" + decimals, CultureInfo.InvariantCulture);

    /// <summary>Zero when a half-width is undefined (fewer than two samples): no error bar rather than a NaN one.</summary>
    public static double ErrorOrZero(double halfWidth) => double.IsFinite(halfWidth) ? halfWidth : 0;

    /// <summary>Symmetric CI error bars, except that a bar never reaches below zero: times, rates and KLD are never negative.</summary>
    public static void AddErrorBars(Plot plot, double[] xs, double[] ys, IEnumerable<double> halfWidths, Color color)
    {
        double[] up = halfWidths.Select(ErrorOrZero).ToArray();
        double[] down = up.Select((e, i) => Math.Min(e, Math.Max(ys[i], 0))).ToArray();
        var bars = plot.Add.ErrorBar(xs, ys, up);
        bars.YErrorNegative = down;
        bars.Color = color;
    }

    public static RenderedChart Render(Plot plot, string id, string title, string caption)
    {
        using (plot)
        {
            string svg = plot.GetSvgXml(RenderedChart.WidthPixels, RenderedChart.HeightPixels);
            byte[] png = plot.GetImageBytes(RenderedChart.WidthPixels, RenderedChart.HeightPixels, ImageFormat.Png);
            return new RenderedChart(id, title, caption, svg, ImmutableArray.Create(png));
        }
    }
}
