namespace QuantBench.Statistics;

/// <summary>
/// Decides when warm-up runs (page cache, allocator, CPU frequency, KV-cache allocation) have stopped
/// trending, in the spirit of BenchmarkDotNet's <c>AutoWarmupStoppingCriteria</c>: while successive run
/// times keep falling the steady state is not reached. Hand-rolled (Perfolizer has no such rule).
/// <para>
/// Rule: walk successive pairs starting in "decreasing" mode; a step whose change is within
/// <see cref="FlatTolerance"/> of the previous value counts as flat. A flat step, or a change of direction,
/// is a fluctuation. Warm when at least <see cref="MinWarmups"/> runs were made and
/// <see cref="MinFluctuations"/> fluctuations were seen. A steadily falling sequence never fluctuates, so it
/// is never warm; <see cref="ShouldStop"/> then gives up at <see cref="MaxWarmups"/>.
/// </para>
/// BenchmarkDotNet uses 6..50 runs and 4 fluctuations with exact comparisons; LLM runs take seconds, so the
/// defaults here are smaller and tolerate noise of 1%.
/// </summary>
public sealed record WarmupDetector
{
    public int MinWarmups { get; init; } = 1;
    public int MaxWarmups { get; init; } = 10;
    public int MinFluctuations { get; init; } = 2;

    /// <summary>Relative change below which two successive runs count as equal (0.01 = 1%).</summary>
    public double FlatTolerance { get; init; } = 0.01;

    /// <summary>True when the warm-up runs have stopped trending (see the type's rule).</summary>
    public bool IsWarm(IReadOnlyList<double> warmupSamples)
    {
        ArgumentNullException.ThrowIfNull(warmupSamples);
        return warmupSamples.Count >= MinWarmups && CountFluctuations(warmupSamples) >= MinFluctuations;
    }

    /// <summary>True when warm-up should end: warm, or <see cref="MaxWarmups"/> runs made without getting warm.</summary>
    public bool ShouldStop(IReadOnlyList<double> warmupSamples)
    {
        ArgumentNullException.ThrowIfNull(warmupSamples);
        return warmupSamples.Count >= MaxWarmups || IsWarm(warmupSamples);
    }

    internal int CountFluctuations(IReadOnlyList<double> samples)
    {
        int direction = -1;
        int fluctuations = 0;
        for (int i = 1; i < samples.Count; i++)
        {
            int next = Direction(samples[i - 1], samples[i]);
            if (next != direction || next == 0)
                fluctuations++;
            direction = next;
        }

        return fluctuations;
    }

    private int Direction(double previous, double current)
    {
        double change = current - previous;
        return Math.Abs(change) <= FlatTolerance * Math.Abs(previous) ? 0 : Math.Sign(change);
    }
}
