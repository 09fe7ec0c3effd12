using QuantBench.Cli;
using QuantBench.Tests.Gguf;
using Spectre.Console;

namespace QuantBench.Tests.Charts;

public sealed class ReportCommandTests
{
    [Fact]
    public async Task Report_regenerates_the_html_report_and_its_charts_from_results_json()
    {
        using var dir = new TempDir();
        File.Copy(SampleRuns.RealRunFile, dir.File("results.json"));
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(new StringWriter()) });

        int exitCode = await QuantBenchApp.Create(console).RunAsync(["report", dir.Path]);

        Assert.Equal(0, exitCode);
        Assert.True(File.Exists(dir.File("report.md")));
        Assert.Contains("<h1>QuantBench report</h1>", File.ReadAllText(dir.File("report.html")), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(dir.Path, "charts", "latency.svg")));
        Assert.True(File.Exists(Path.Combine(dir.Path, "charts", "latency.png")));
    }
}
