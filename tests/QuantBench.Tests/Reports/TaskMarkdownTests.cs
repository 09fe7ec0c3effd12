using System.Collections.Immutable;
using System.Text;
using QuantBench.Reports;
using QuantBench.Results;
using QuantBench.Running;
using QuantBench.Settings;
using QuantBench.Tasks;

namespace QuantBench.Tests.Reports;

public sealed class TaskMarkdownTests
{
    private static ModelResult Model(string label, double bpw, params bool[] correct) => new()
    {
        Model = new ModelDescriptor { Path = label + ".gguf", Label = label, BitsPerWeight = bpw },
        Tasks =
        [
            new TaskAccuracy
            {
                Kind = TaskKind.HellaSwag,
                FileName = "h.txt",
                AvailableTasks = correct.Length,
                Outcomes = [.. correct.Select((c, i) => new TaskOutcome(i, c ? 0 : 1, c, ImmutableArray<double>.Empty))],
            },
        ],
    };

    [Fact]
    public void Each_level_gets_its_accuracy_and_the_paired_change_against_the_most_precise_model()
    {
        var run = new RunResult
        {
            ToolVersion = "t",
            StartedUtc = DateTimeOffset.UnixEpoch,
            Settings = new BenchmarkSettings(),
            Models = [Model("Q4", 4.5, true, false, false, true), Model("F16", 16, true, true, false, true)],
        };
        var text = new StringBuilder();
        TaskMarkdown.Append(text, run);
        string report = text.ToString();

        Assert.Contains("## Task accuracy", report);
        Assert.Contains("| h.txt (HellaSwag) | F16 | 3 / 4 | 75.0 % [", report);
        Assert.Contains("| baseline |", report);
        // Q4 lost task 1 and gained none: -25 points, p = 1 (one discordant pair), one answer in four changed.
        Assert.Contains("| h.txt (HellaSwag) | Q4 | 2 / 4 | 50.0 % [", report);
        Assert.Contains("| -25.0 [", report);
        Assert.Contains("| 1 / 0 | 1.000 | 25.0 % |", report);
    }

    [Fact]
    public void No_section_without_task_results()
    {
        var run = new RunResult { ToolVersion = "t", StartedUtc = DateTimeOffset.UnixEpoch, Settings = new BenchmarkSettings(), Models = [] };
        var text = new StringBuilder();
        TaskMarkdown.Append(text, run);
        Assert.Equal(0, text.Length);
    }
}
