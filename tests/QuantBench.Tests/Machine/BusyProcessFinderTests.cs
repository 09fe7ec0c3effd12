using QuantBench.Machine;

namespace QuantBench.Tests.Machine;

public sealed class BusyProcessFinderTests
{
    [Fact]
    public void Counts_others_above_ten_percent_of_a_core_busiest_first_and_never_self()
    {
        const int self = 10;
        var first = new Dictionary<int, (string, long)>
        {
            [self] = ("quantbench", 0), [20] = ("cc1plus", 100), [30] = ("idle", 50), [40] = ("dotnet", 0), [50] = ("gone", 0),
        };
        var second = new Dictionary<int, (string, long)>
        {
            // 0.2 s at 100 ticks/s: 20 ticks = one full core.
            [self] = ("quantbench", 20), [20] = ("cc1plus", 119), [30] = ("idle", 51), [40] = ("dotnet", 6), [60] = ("new", 20),
        };

        var busy = BusyProcessFinder.Find(first, second, elapsedSeconds: 0.2, excludeProcessId: self);

        Assert.Equal([20, 40], busy.Select(b => b.ProcessId));
        Assert.Equal(0.95, busy[0].CoreShare, 6);
        Assert.Equal(0.30, busy[1].CoreShare, 6);
        Assert.Equal("cc1plus", busy[0].Name);
    }
}
