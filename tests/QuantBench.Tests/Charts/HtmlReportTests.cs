using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;
using QuantBench.Charts;
using QuantBench.Charts.Data;
using QuantBench.Charts.Html;
using QuantBench.Reports;
using QuantBench.Results;

namespace QuantBench.Tests.Charts;

public sealed class HtmlReportTests
{
    private const string Hostile = "<script>alert(1)</script>";

    private static string Render(RunResult run, ChartData? data = null)
    {
        data ??= ChartData.From(run);
        return HtmlReport.Render(run, data, ChartSet.Draw(data));
    }

    // Drawing charts costs ~0.1 s each; tests about the text around them pass none.
    private static string RenderWithoutCharts(RunResult run) => HtmlReport.Render(run, ChartData.From(run), []);

    private static ChartData WithEveryChart(RunResult run) => ChartData.From(run) with
    {
        MemoryBandwidthBytesPerSecond = 20e9,
        ThroughputCurves =
        [
            new ThroughputCurve("Q8_0", [new(1, 60), new(2, 110), new(4, 180), new(8, 200), new(16, 205)]),
            new ThroughputCurve("Q4_K_M", [new(1, 90), new(2, 170), new(4, 260), new(8, 290), new(16, 295)]),
        ],
        QualityPoints = [new("Q8_0", 106L << 20, 0.002, 0.0005), new("Q4_K_M", 60L << 20, 0.03, 0.004)],
        TaskPoints =
        [
            new("h.txt (HellaSwag)", "Q8_0", 106L << 20, 60, 200, 0.30, 0.24, 0.37),
            new("h.txt (HellaSwag)", "Q4_K_M", 60L << 20, 56, 200, 0.28, 0.22, 0.35),
            new("w.csv (Winogrande)", "Q8_0", 106L << 20, 110, 200, 0.55, 0.48, 0.62),
        ],
    };

    private static IEnumerable<string> EmbeddedSvgs(string html) =>
        Regex.Matches(html, "src=\"data:image/svg\\+xml;base64,([^\"]+)\"").Select(m => Encoding.UTF8.GetString(Convert.FromBase64String(m.Groups[1].Value)));

    [Fact]
    public void A_hostile_model_name_path_and_failure_are_escaped_in_the_page_and_the_charts()
    {
        var hostile = SampleRuns.Level(Hostile, 60L << 20, 4.9, 10, 10) with { Model = SampleRuns.Level(Hostile, 60L << 20, 4.9, 10, 10).Model with { Path = "/m/\"><img src=x onerror=alert(2)>.gguf" } };
        var failed = ModelResult.Failed(new ModelDescriptor { Path = "/m/<b>bad</b>.gguf", Label = "<i>broken</i>" }, "unknown architecture '<svg onload=alert(3)>'");
        var run = SampleRuns.Run(SampleRuns.Level("F32", 400L << 20, 32, 20, 30), hostile, failed) with { Notes = ["note with <b>markup</b> & more"] };

        string html = Render(run);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<svg onload", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<i>broken</i>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("note with &lt;b&gt;markup&lt;/b&gt; &amp; more", html, StringComparison.Ordinal);
        Assert.All(EmbeddedSvgs(html), svg => Assert.DoesNotContain("<script", svg, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Every_chart_is_embedded_when_its_data_is_present()
    {
        var run = SampleRuns.Ladder();
        string html = Render(run, WithEveryChart(run));

        foreach (string id in ChartSet.AllIds)
        {
            Assert.Contains($"<figure class=\"chart\" id=\"chart-{id}\">", html, StringComparison.Ordinal);
        }

        Assert.Equal(ChartSet.AllIds.Length, EmbeddedSvgs(html).Count());
        Assert.All(EmbeddedSvgs(html), svg => Assert.StartsWith("<?xml", svg, StringComparison.Ordinal));
    }

    [Fact]
    public void Charts_whose_data_is_absent_are_left_out()
    {
        string html = Render(SampleRuns.Ladder());

        Assert.Contains("id=\"chart-latency\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"chart-throughput-vs-batch\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"chart-quality-vs-size\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"chart-accuracy-vs-size\"", html, StringComparison.Ordinal);
        Assert.Contains("No memory bandwidth was measured, so no roofline is drawn.", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_page_loads_nothing_from_the_network()
    {
        var run = SampleRuns.Ladder();
        string html = Render(run, WithEveryChart(run));
        var external = new Regex("(src|href)\\s*=\\s*[\"']?\\s*(https?:|//)", RegexOptions.IgnoreCase);

        Assert.Empty(external.Matches(html));
        Assert.All(EmbeddedSvgs(html), svg => Assert.Empty(external.Matches(svg)));
        Assert.DoesNotContain("@import", html, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_table_carries_every_figure_of_the_summary_table()
    {
        var run = SampleRuns.Ladder();
        string html = RenderWithoutCharts(run);

        var table = SummaryTable.From(run);
        foreach (string cell in table.Headers.Concat(table.Rows.SelectMany(r => r)).Where(c => c.Length > 0))
        {
            Assert.Contains($">{System.Net.WebUtility.HtmlEncode(cell)}</t", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_summary_comes_first_then_the_table_then_the_charts_then_the_failures()
    {
        var run = SampleRuns.Ladder() with { Models = [.. SampleRuns.Ladder().Models, ModelResult.Failed(new ModelDescriptor { Path = "/m/x.gguf", Label = "IQ1_S" }, "out of memory")] };
        string html = RenderWithoutCharts(run);

        int summary = html.IndexOf("id=\"summary\"", StringComparison.Ordinal);
        int table = html.IndexOf("id=\"results\"", StringComparison.Ordinal);
        int charts = html.IndexOf("id=\"charts\"", StringComparison.Ordinal);
        int failures = html.IndexOf("id=\"failures\"", StringComparison.Ordinal);
        Assert.True(summary >= 0 && summary < table && table < charts && charts < failures, $"sections out of order: {summary}, {table}, {charts}, {failures}");
        Assert.Contains("<li>Q4_K_M: 6.67x smaller, 3.00x faster decode than F32.</li>", html, StringComparison.Ordinal);
        Assert.Contains("out of memory", html[failures..], StringComparison.Ordinal);
    }

    [Fact]
    public void The_conditions_and_noise_warnings_are_in_the_summary()
    {
        var noisy = SampleRuns.Run(SampleRuns.Level("F32", 400L << 20, 32, 20, 30, requests: 2));
        string html = RenderWithoutCharts(noisy);

        foreach (var (name, value) in RunConditions.Describe(noisy))
        {
            Assert.Contains($"<dt>{System.Net.WebUtility.HtmlEncode(name)}</dt><dd>{System.Net.WebUtility.HtmlEncode(value)}</dd>", html, StringComparison.Ordinal);
        }

        string noise = html[html.IndexOf("<div class=\"warning noise\">", StringComparison.Ordinal)..];
        Assert.Contains("<tr><th scope=\"row\">F32</th><th scope=\"row\">TTFT</th><td class=\"num bad\"><mark>2</mark></td>", noise, StringComparison.Ordinal);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(NoiseTable.Advice), noise, StringComparison.Ordinal);
        Assert.DoesNotContain("<li>", noise[..noise.IndexOf("</div>", StringComparison.Ordinal)], StringComparison.Ordinal);
    }

    [Fact]
    public void A_run_where_every_model_failed_still_renders_a_page_without_charts()
    {
        var run = SampleRuns.Run(ModelResult.Failed(new ModelDescriptor { Path = "/m/a.gguf", Label = "A" }, "file is truncated"));
        var data = ChartData.From(run);
        var charts = ChartSet.Draw(data);
        string html = HtmlReport.Render(run, data, charts);

        Assert.Empty(charts);
        Assert.Contains("nothing to chart", html, StringComparison.Ordinal);
        Assert.Contains("file is truncated", html, StringComparison.Ordinal);
        Assert.EndsWith("</html>" + Environment.NewLine, html, StringComparison.Ordinal);
    }

    [Fact]
    public void Chart_data_keeps_succeeded_levels_with_the_most_bits_per_weight_first()
    {
        var run = SampleRuns.Run(
            SampleRuns.Level("Q4_K_M", 60L << 20, 4.9, 10, 10),
            ModelResult.Failed(new ModelDescriptor { Path = "/m/a.gguf", Label = "A" }, "bad"),
            SampleRuns.Level("F32", 400L << 20, 32, 20, 30));

        Assert.Equal(["F32", "Q4_K_M"], ChartData.From(run).Levels.Select(l => l.Model.Label));
    }

    [Fact]
    public void Chart_data_has_one_task_point_per_level_and_file_with_its_wilson_interval()
    {
        static ModelResult WithTasks(ModelResult model, params bool[] correct) => model with
        {
            Tasks =
            [
                new QuantBench.Tasks.TaskAccuracy
                {
                    Kind = QuantBench.Tasks.TaskKind.Winogrande,
                    FileName = "w.csv",
                    AvailableTasks = correct.Length,
                    Outcomes = [.. correct.Select((c, i) => new QuantBench.Tasks.TaskOutcome(i, 0, c, ImmutableArray<double>.Empty))],
                },
            ],
        };
        var run = SampleRuns.Run(
            WithTasks(SampleRuns.Level("F32", 400L << 20, 32, 20, 30), true, true, true, false),
            WithTasks(SampleRuns.Level("Q4_K_M", 60L << 20, 4.9, 10, 10), true, false, false, false),
            ModelResult.Failed(new ModelDescriptor { Path = "/m/a.gguf", Label = "A" }, "bad"));

        var points = ChartData.From(run).TaskPoints;

        Assert.Equal([("F32", 3, 0.75), ("Q4_K_M", 1, 0.25)], points.Select(p => (p.Label, p.Correct, p.Accuracy)));
        Assert.All(points, p => Assert.Equal(("w.csv (Winogrande)", 4), (p.Task, p.Tasks)));
        var (low, high) = QuantBench.Tasks.AccuracyStatistics.Wilson(3, 4);
        Assert.Equal((low, high), (points[0].Low, points[0].High));
        Assert.True(points[0].Low < 0.75 && points[0].High > 0.75);
    }
}
