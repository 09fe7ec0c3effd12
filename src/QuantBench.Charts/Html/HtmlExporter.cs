using QuantBench.Charts.Data;
using QuantBench.Reports;
using QuantBench.Results;

namespace QuantBench.Charts.Html;

/// <summary>
/// report.html, and every chart beside it as <c>charts/ID.svg</c> and <c>charts/ID.png</c> for slides and papers.
/// </summary>
/// <param name="chartData">How to get the chart data from a run; by default only what <see cref="ChartData.From"/> reads.</param>
public sealed class HtmlExporter(Func<RunResult, ChartData>? chartData = null) : IExporter
{
    public const string ChartsFolder = "charts";

    public string FileName => "report.html";

    public void Export(RunResult run, string directory)
    {
        if (run.Serving is { } serving)
        {
            var servingCharts = Serving.ServingCharts.Draw(serving);
            WriteCharts(directory, servingCharts);
            AtomicFile.WriteAllText(Path.Combine(directory, FileName), Serving.ServingHtml.Render(run, servingCharts));
            return;
        }

        if (run.Ladder is { } ladder)
        {
            var ladderCharts = Ladder.LadderCharts.Draw(ladder);
            WriteCharts(directory, ladderCharts);
            AtomicFile.WriteAllText(Path.Combine(directory, FileName), Ladder.LadderHtml.Render(run, ladderCharts));
            return;
        }

        var data = (chartData ?? ChartData.From)(run);
        var charts = ChartSet.Draw(data);
        WriteCharts(directory, charts);
        AtomicFile.WriteAllText(Path.Combine(directory, FileName), HtmlReport.Render(run, data, charts));
    }

    private static void WriteCharts(string directory, IReadOnlyList<RenderedChart> charts)
    {
        string chartsDirectory = Path.Combine(directory, ChartsFolder);
        Directory.CreateDirectory(chartsDirectory);
        foreach (var chart in charts)
        {
            AtomicFile.WriteAllText(Path.Combine(chartsDirectory, chart.Id + ".svg"), chart.Svg);
            AtomicFile.WriteAllBytes(Path.Combine(chartsDirectory, chart.Id + ".png"), chart.Png.AsSpan());
        }
    }
}
