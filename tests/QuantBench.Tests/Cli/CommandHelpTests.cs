using System.ComponentModel;
using System.Reflection;
using QuantBench.Cli;
using Spectre.Console.Cli;
using Spectre.Console.Testing;

namespace QuantBench.Tests.Cli;

public sealed class CommandHelpTests
{
    public static TheoryData<string> SettingsTypes() =>
    [
        .. typeof(QuantBenchApp).Assembly.GetTypes()
            .Where(t => typeof(CommandSettings).IsAssignableFrom(t) && !t.IsAbstract)
            .Select(t => t.FullName!),
    ];

    [Theory]
    [MemberData(nameof(SettingsTypes))]
    public void Every_option_and_argument_has_help(string settingsType)
    {
        var type = typeof(QuantBenchApp).Assembly.GetType(settingsType)!;

        var undocumented = type.GetProperties()
            .Where(p => p.GetCustomAttribute<CommandOptionAttribute>() is not null || p.GetCustomAttribute<CommandArgumentAttribute>() is not null)
            .Where(p => string.IsNullOrWhiteSpace(p.GetCustomAttribute<DescriptionAttribute>()?.Description))
            .Select(p => p.Name);

        Assert.Empty(undocumented);
    }

    [Fact]
    public void Help_lists_the_exit_codes()
    {
        var (_, output) = Execute("run", "--help");

        Assert.Contains("EXIT CODES:", output, StringComparison.Ordinal);
        Assert.Contains("130", output, StringComparison.Ordinal);
        Assert.Contains("bad input", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Context_size_shows_no_misleading_default()
    {
        var (_, output) = Execute("run", "--help");

        string line = output.Split('\n').Single(l => l.Contains("--ctx-size", StringComparison.Ordinal));
        Assert.DoesNotContain(" 0 ", line, StringComparison.Ordinal);
    }

    [Fact]
    public void The_sweep_option_keeps_its_old_name()
    {
        var (exitCode, output) = Execute("run", "--batch-sizes", "1,x", "--scenarios", "throughput");
        var (newExitCode, newOutput) = Execute("run", "--sweep-batch-sizes", "1,x", "--scenarios", "throughput");

        Assert.Equal(2, exitCode);
        Assert.Equal(2, newExitCode);
        Assert.Equal(output, newOutput);
    }

    private static (int ExitCode, string Output) Execute(params string[] args)
    {
        var console = new TestConsole();
        console.Profile.Width = 250;
        int exitCode = QuantBenchApp.Create(console).Run(args);
        return (exitCode, console.Output);
    }
}
