using System.Collections.Immutable;
using QuantBench.Cli.Commands.Converters;
using QuantBench.Settings;

namespace QuantBench.Tests.Cli.Converters;

public sealed class ScenarioListConverterTests
{
    [Fact]
    public void Reads_a_comma_list_in_any_case_in_order_each_once()
    {
        var scenarios = (ImmutableArray<Scenario>)new ScenarioListConverter().ConvertFrom(" Throughput, latency,TASKS,latency ,quality")!;

        Assert.Equal<Scenario>([Scenario.Throughput, Scenario.Latency, Scenario.Tasks, Scenario.Quality], scenarios);
    }

    [Theory]
    [InlineData("latency,speed", "unknown scenario 'speed' (use latency, quality, throughput, tasks)")]
    [InlineData("speed,7,quality", "unknown scenario 'speed', '7' (use latency, quality, throughput, tasks)")]
    [InlineData(" , ", "no scenario given (use latency, quality, throughput, tasks)")]
    public void A_wrong_list_is_one_line_naming_the_choices(string text, string expected)
    {
        var error = Assert.Throws<OptionValueException>(() => new ScenarioListConverter().ConvertFrom(text));

        Assert.Equal(expected, error.Message);
    }
}
