namespace QuantBench.Throughput;

/// <summary>Monotonic time for the schedulers, so that tests can script it; real runs use <see cref="StopwatchClock"/>.</summary>
public interface IClock
{
    /// <summary>Milliseconds since an arbitrary fixed origin; never decreases.</summary>
    double NowMs { get; }

    /// <summary>Returns once <see cref="NowMs"/> has reached <paramref name="timeMs"/> (at once if it has).</summary>
    void WaitUntil(double timeMs, CancellationToken cancellationToken);
}
