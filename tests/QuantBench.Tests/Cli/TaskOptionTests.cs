using QuantBench.Cli;
using QuantBench.Tests.Quality;
using Spectre.Console.Testing;

namespace QuantBench.Tests.Cli;

public sealed class TaskOptionTests
{
    [Fact]
    public async Task A_malformed_task_file_is_a_one_line_error_naming_the_line_before_any_model_runs()
    {
        using var dir = new TempDirectory();
        string file = dir.File("hs.txt");
        await File.WriteAllTextAsync(file, "context\n7\na\nb\nc\nd\n");
        var console = new TestConsole().Width(400);
        int exit = await QuantBenchApp.Create(console).RunAsync(["run", "model.gguf", "--tasks", "hellaswag:" + file]);

        Assert.Equal(2, exit);
        Assert.Contains("hs.txt, line 2: the gold ending index must be 0, 1, 2 or 3, not '7'", console.Output);
        Assert.Single(console.Output.Trim().Split('\n'));
    }

    [Theory]
    [InlineData("arc:x.bin", "--tasks: 'arc:x.bin' is not KIND:FILE with KIND hellaswag, winogrande or mc")]
    [InlineData("winogrande:/nowhere/w.csv", "--tasks: no such file /nowhere/w.csv")]
    public async Task A_bad_tasks_option_is_a_one_line_error(string tasks, string expected)
    {
        var console = new TestConsole().Width(400);
        int exit = await QuantBenchApp.Create(console).RunAsync(["run", "model.gguf", "--tasks", tasks]);

        Assert.Equal(2, exit);
        Assert.Contains(expected, console.Output);
    }

    [Fact]
    public async Task A_task_count_below_one_is_an_error()
    {
        var console = new TestConsole().Width(400);
        int exit = await QuantBenchApp.Create(console).RunAsync(["run", "model.gguf", "--tasks", "hellaswag:/nowhere/h.txt", "--task-count", "0"]);

        Assert.Equal(2, exit);
        Assert.Contains("--task-count must be at least 1 (got 0)", console.Output);
    }
}
