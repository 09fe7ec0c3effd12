using QuantBench.Cli;
using Spectre.Console.Testing;

namespace QuantBench.Tests.Cli;

public sealed class CommandLineErrorTests
{
    [Theory]
    [InlineData(new[] { "run", "--runs", "ten" }, "ten")]
    [InlineData(new[] { "run", "--threads", "0" }, "threads must be at least 1")]
    [InlineData(new[] { "run", "--types", "q4_k_m,q9_x" }, "'q9_x'")]
    [InlineData(new[] { "run", "--load-mode", "disk" }, "unknown load mode 'disk'")]
    [InlineData(new[] { "run", "--scenarios", "latency,speed" }, "unknown scenario 'speed'")]
    [InlineData(new[] { "quantize", "base.gguf", "--types", "q3" }, "'q3'")]
    [InlineData(new[] { "run", "--prompt-tokens", "-5", "--gen-tokens", "1" }, "prompt tokens must be at least 1")]
    [InlineData(new[] { "machine", "--rounds", "0" }, "rounds must be at least 1")]
    [InlineData(new[] { "machine", "--threads", "0" }, "threads must be at least 1")]
    public async Task Bad_options_are_one_line_errors_and_exit_code_2(string[] args, string expected)
    {
        var console = new TestConsole().Width(400);
        int exit = await QuantBenchApp.Create(console).RunAsync(args);

        Assert.Equal(2, exit);
        Assert.Contains(expected, console.Output);
        Assert.Single(console.Output.Trim().Split('\n'));
    }

    [Fact]
    public async Task Every_settings_problem_is_reported_at_once()
    {
        var console = new TestConsole().Width(400);
        int exit = await QuantBenchApp.Create(console).RunAsync(["run", "--threads", "0", "--runs", "0"]);

        Assert.Equal(2, exit);
        Assert.Contains("threads must be at least 1", console.Output);
        Assert.Contains("measured requests must be at least 1", console.Output);
    }

    [Fact]
    public async Task A_missing_model_for_info_is_a_one_line_error()
    {
        var console = new TestConsole().Width(400);
        Assert.Equal(2, await QuantBenchApp.Create(console).RunAsync(["info", "/nowhere/model.gguf"]));
        Assert.Contains("/nowhere/model.gguf: no such file", console.Output);
    }

    [Fact]
    public async Task A_long_error_stays_on_one_line_at_80_columns()
    {
        // TestConsole is not a terminal, like a log file or a pipe; 80 columns is what Spectre assumes there.
        var console = new TestConsole().Width(80);
        string path = "/nowhere/" + new string('d', 60) + "/a directory with spaces/" + new string('m', 60) + ".gguf";
        int exit = await QuantBenchApp.Create(console).RunAsync(["info", path]);

        Assert.Equal(2, exit);
        string[] lines = console.Output.Trim().Split('\n');
        Assert.Single(lines);
        Assert.StartsWith("error: ", lines[0]);
        Assert.Contains(path + ": no such file", lines[0]);
        Assert.True(lines[0].Length > 80);
    }
}
