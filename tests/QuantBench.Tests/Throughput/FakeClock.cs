using QuantBench.Throughput;

namespace QuantBench.Tests.Throughput;

/// <summary>A clock that moves only when told to, so scheduler timings are exact.</summary>
internal sealed class FakeClock : IClock
{
    public double NowMs { get; private set; }

    public List<double> Waits { get; } = [];

    public void Advance(double ms) => NowMs += ms;

    public void WaitUntil(double timeMs, CancellationToken cancellationToken)
    {
        Waits.Add(timeMs);
        NowMs = Math.Max(NowMs, timeMs);
    }
}
