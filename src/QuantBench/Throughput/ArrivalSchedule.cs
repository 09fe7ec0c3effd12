using System.Collections.Immutable;

namespace QuantBench.Throughput;

/// <summary>Arrival times (ms after the start of a run) for a load test.</summary>
public static class ArrivalSchedule
{
    /// <summary>
    /// A Poisson process at <paramref name="ratePerSecond"/>: the first request at 0, then gaps drawn from
    /// the exponential distribution with mean 1000/rate ms (inverse transform of a seeded uniform), so the
    /// same seed gives the same schedule on every machine.
    /// </summary>
    public static ImmutableArray<double> Poisson(double ratePerSecond, int count, int seed)
    {
        if (!(ratePerSecond > 0) || double.IsInfinity(ratePerSecond))
        {
            throw new ArgumentOutOfRangeException(nameof(ratePerSecond), ratePerSecond, "the arrival rate must be a positive number of requests per second");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var random = new Random(seed);
        var arrivals = ImmutableArray.CreateBuilder<double>(count);
        double meanGapMs = 1000.0 / ratePerSecond;
        double time = 0;
        for (int i = 0; i < count; i++)
        {
            arrivals.Add(time);
            // 1 - U lies in (0, 1], so the logarithm is finite.
            time += -Math.Log(1.0 - random.NextDouble()) * meanGapMs;
        }

        return arrivals.MoveToImmutable();
    }

    /// <summary>Every request at time 0: a closed batch, as in the batch-size sweep.</summary>
    public static ImmutableArray<double> Simultaneous(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return ImmutableArray.Create(new double[count]);
    }
}
