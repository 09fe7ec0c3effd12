using System.Collections.Immutable;
using System.Diagnostics;
using QuantBench.Engines;
using QuantBench.Measurements;
using QuantBench.Progress;
using QuantBench.Results;
using QuantBench.Settings;
using QuantBench.Statistics;

namespace QuantBench.Latency;

/// <summary>
/// The warm-up and measurement stages of the latency test (as BenchmarkDotNet's engine stages): warm up
/// until the end-to-end latency stops trending, then measure until its confidence interval is narrow
/// enough or a bound is reached; or run fixed counts when they are given.
/// </summary>
internal sealed class RequestLoop(IModelSession session, GenerationRequest request, BenchmarkSettings settings, string label, IProgress<BenchmarkProgress>? progress)
{
    internal int WarmUp(CancellationToken cancellationToken)
    {
        var endToEnd = new List<double>();
        while (settings.WarmupRequests is { } fixedCount ? endToEnd.Count < fixedCount : !settings.Warmup.ShouldStop(endToEnd))
        {
            progress?.Report(new BenchmarkProgress(label, BenchmarkPhase.WarmUp, endToEnd.Count, settings.WarmupRequests ?? settings.Warmup.MaxWarmups));
            endToEnd.Add(RequestMetrics.From(session.Generate(request, cancellationToken)).EndToEndMs);
        }

        return endToEnd.Count;
    }

    internal (ImmutableArray<RequestMetrics> Samples, StoppingOutcome Outcome) Measure(CancellationToken cancellationToken)
    {
        var samples = ImmutableArray.CreateBuilder<RequestMetrics>();
        var endToEnd = new List<double>();
        var clock = Stopwatch.StartNew();
        while (true)
        {
            int expected = settings.MeasuredRequests ?? Math.Max(settings.Stopping.MinRuns, samples.Count + 1);
            progress?.Report(new BenchmarkProgress(label, BenchmarkPhase.Measure, samples.Count, expected));
            var metrics = RequestMetrics.From(session.Generate(request, cancellationToken));
            samples.Add(metrics);
            endToEnd.Add(metrics.EndToEndMs);

            if (settings.MeasuredRequests is { } fixedCount)
            {
                if (samples.Count >= fixedCount)
                {
                    var statistics = SampleStatistics.From(endToEnd, settings.Stopping.ConfidenceLevel);
                    return (samples.ToImmutable(), new StoppingOutcome(false, StoppingReason.FixedCount, samples.Count, statistics.RelativeHalfWidth, settings.Stopping.TargetRelativeHalfWidth, statistics.RelativeHalfWidth <= settings.Stopping.TargetRelativeHalfWidth));
                }

                continue;
            }

            var decision = settings.Stopping.Evaluate(endToEnd, clock.Elapsed);
            if (decision.ShouldStop)
            {
                progress?.Report(new BenchmarkProgress(label, BenchmarkPhase.Measure, samples.Count, samples.Count));
                return (samples.ToImmutable(), new StoppingOutcome(true, decision.Reason, samples.Count, decision.RelativeHalfWidth, settings.Stopping.TargetRelativeHalfWidth, decision.TargetMet));
            }
        }
    }
}
