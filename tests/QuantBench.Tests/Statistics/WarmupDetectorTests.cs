using QuantBench.Statistics;

namespace QuantBench.Tests.Statistics;

public sealed class WarmupDetectorTests
{
    private readonly WarmupDetector detector = new();

    [Fact]
    public void Steadily_decaying_sequence_is_never_warm()
    {
        double[] decaying = [300, 200, 150, 120, 110, 105, 102];

        Assert.False(detector.IsWarm(decaying));
        Assert.False(detector.ShouldStop(decaying));
    }

    [Fact]
    public void Decaying_sequence_stops_at_max_warmups_without_being_warm()
    {
        double[] decaying = [300, 200, 150, 120, 110, 105, 102, 99, 96, 93];

        Assert.False(detector.IsWarm(decaying));
        Assert.True(detector.ShouldStop(decaying));
    }

    [Fact]
    public void Flat_sequence_is_warm_after_two_flat_steps()
    {
        Assert.False(detector.IsWarm([100, 100]));
        Assert.True(detector.IsWarm([100, 100, 100]));
    }

    [Fact]
    public void Cold_first_run_then_noise_is_warm_once_direction_changes_twice()
    {
        // 300 -> 100 falls (still warming), 100 -> 101.5 rises (1st fluctuation), 101.5 -> 99 falls (2nd).
        Assert.False(detector.IsWarm([300, 100, 101.5]));
        Assert.True(detector.IsWarm([300, 100, 101.5, 99]));
    }

    [Fact]
    public void Drift_within_the_flat_tolerance_counts_as_flat()
    {
        double[] drift = [100, 99.5, 99.0];

        Assert.True(detector.IsWarm(drift));
        Assert.False((detector with { FlatTolerance = 0 }).IsWarm(drift));
    }

    [Fact]
    public void Min_warmups_are_always_run()
    {
        var strict = detector with { MinWarmups = 5 };

        Assert.False(strict.IsWarm([100, 100, 100]));
        Assert.True(strict.IsWarm([100, 100, 100, 100, 100]));
    }
}
