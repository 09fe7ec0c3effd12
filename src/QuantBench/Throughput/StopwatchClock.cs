using System.Diagnostics;

namespace QuantBench.Throughput;

/// <summary>The real clock: <see cref="Stopwatch"/> time since construction; waits sleep on the cancellation handle.</summary>
public sealed class StopwatchClock : IClock
{
    private readonly long origin = Stopwatch.GetTimestamp();

    public double NowMs => Stopwatch.GetElapsedTime(origin).TotalMilliseconds;

    public void WaitUntil(double timeMs, CancellationToken cancellationToken)
    {
        // Sleeps in whole milliseconds (the OS timer's grain) and spins the last one, so an arrival is late by microseconds, not a timer tick.
        for (double remaining = timeMs - NowMs; remaining > 0; remaining = timeMs - NowMs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (remaining > 2)
            {
                cancellationToken.WaitHandle.WaitOne(TimeSpan.FromMilliseconds(remaining - 1));
            }
            else
            {
                Thread.SpinWait(100);
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
    }
}
