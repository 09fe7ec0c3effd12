using QuantBench.Running;
using QuantBench.Settings;
using QuantBench.Tests.Fakes;

namespace QuantBench.Tests.Running;

public sealed class ScenarioRunnersTests
{
    [Fact]
    public void Every_scenario_has_exactly_one_runner()
    {
        var runners = ScenarioRunners.For(new ScriptedBackend((_, r) => ScriptedBackend.Uniform(r, 1, 2, 1)));

        Assert.Equal(Enum.GetValues<Scenario>().Order(), runners.Select(r => r.Scenario).Order());
    }
}
