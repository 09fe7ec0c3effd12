using System.Xml.Linq;
using QuantBench.Charts.Html;

namespace QuantBench.Tests.Launching;

public sealed class LadderHtmlTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("quantbench-ladder-html-").FullName;

    [Fact]
    public void Report_html_has_the_level_table_three_ladder_charts_and_the_failed_level_with_its_log_tail()
    {
        new HtmlExporter().Export(LadderSamples.Run(), _folder);

        string html = File.ReadAllText(Path.Combine(_folder, "report.html"));
        Assert.Contains("<th scope=\"row\">Q4_0</th><td class=\"num\">60</td>", html);
        Assert.Contains("failed: the server exited with code 1 before it was ready", html);
        Assert.Contains("error: unknown model", html);
        foreach (string id in new[] { "ladder-memory", "ladder-latency", "ladder-throughput" })
        {
            Assert.Contains($"id=\"chart-{id}\"", html);
            Assert.True(new FileInfo(Path.Combine(_folder, "charts", id + ".png")).Length > 1000);
        }
    }

    [Fact]
    public void The_throughput_chart_has_one_line_per_measured_level()
    {
        new HtmlExporter().Export(LadderSamples.Run(), _folder);

        var texts = Texts("ladder-throughput");
        Assert.Contains("Q8_0", texts);
        Assert.Contains("Q4_0", texts);
        Assert.DoesNotContain("Q2_K", texts);   // failed before any point
    }

    [Fact]
    public void The_memory_chart_shows_vram_only_where_a_gpu_was_read()
    {
        new HtmlExporter().Export(LadderSamples.Run(gpu: true), _folder);
        var withGpu = Texts("ladder-memory");
        new HtmlExporter().Export(LadderSamples.Run(), _folder);
        var without = Texts("ladder-memory");

        Assert.Contains("peak VRAM", withGpu);
        Assert.DoesNotContain("peak VRAM", without);
        Assert.Contains("peak RSS", without);
    }

    private string[] Texts(string chart) =>
        [.. XDocument.Load(Path.Combine(_folder, "charts", chart + ".svg")).Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value.Trim())];

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
