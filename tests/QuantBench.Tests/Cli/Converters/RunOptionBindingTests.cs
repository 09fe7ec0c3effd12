using System.Collections.Immutable;
using QuantBench.Cli;
using QuantBench.Cli.Commands;
using QuantBench.Cli.Commands.Converters;
using QuantBench.Engines;
using QuantBench.Settings;
using Spectre.Console.Cli;
using Spectre.Console.Testing;

namespace QuantBench.Tests.Cli.Converters;

/// <summary>Spectre binds run's typed options through their converters, defaults included, and a bad value is exit code 2.</summary>
public sealed class RunOptionBindingTests
{
    [Fact]
    public void The_defaults_bind_to_the_documented_values()
    {
        var settings = Bind();

        Assert.Equal(LoadMode.Mmap, settings.LoadMode);
        Assert.Equal(FlashAttentionMode.Auto, settings.FlashAttention);
        Assert.Equal<Scenario>([Scenario.Latency, Scenario.Quality, Scenario.Throughput], settings.Scenarios);
        Assert.Null(settings.ToBenchmarkSettings().FlashAttention);
    }

    [Fact]
    public void Given_values_bind_and_reach_the_benchmark_settings()
    {
        var settings = Bind("--load-mode", "no-mmap", "--flash-attn", "off", "--scenarios", "quality,latency");
        var benchmark = settings.ToBenchmarkSettings();

        Assert.Equal(LoadMode.NoMmap, benchmark.LoadMode);
        Assert.False(benchmark.FlashAttention);
        Assert.Equal<Scenario>([Scenario.Quality, Scenario.Latency], benchmark.Scenarios);
    }

    [Theory]
    [InlineData("--load-mode", "disk", "error: unknown load mode 'disk' (use mmap, no-mmap or mlock)")]
    [InlineData("--flash-attn", "maybe", "error: unknown flash attention mode 'maybe' (use auto, on or off)")]
    [InlineData("--scenarios", "latency,speed", "error: unknown scenario 'speed' (use latency, quality, throughput, tasks)")]
    public async Task A_wrong_value_is_exactly_one_line_and_exit_code_2(string option, string value, string expected)
    {
        var console = new TestConsole().Width(400);
        int exit = await QuantBenchApp.Create(console).RunAsync(["run", option, value]);

        Assert.Equal(2, exit);
        Assert.Equal(expected, console.Output.Trim());
    }

    private static RunSettings Bind(params string[] args)
    {
        var capture = new Capture();
        var app = new CommandApp<CaptureCommand>();
        app.Configure(config =>
        {
            config.ConfigureConsole(new TestConsole());
            config.Settings.Registrar.RegisterInstance(capture);
        });
        Assert.Equal(0, app.Run(args));
        return Assert.IsType<RunSettings>(capture.Settings);
    }

    private sealed class Capture
    {
        public RunSettings? Settings { get; set; }
    }

    private sealed class CaptureCommand(Capture capture) : Command<RunSettings>
    {
        public override int Execute(CommandContext context, RunSettings settings, CancellationToken cancellationToken)
        {
            capture.Settings = settings;
            return 0;
        }
    }
}
