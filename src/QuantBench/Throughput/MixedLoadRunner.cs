using System.Collections.Immutable;
using QuantBench.Engines;
using QuantBench.Measurements;
using QuantBench.Results;
using QuantBench.Statistics;

namespace QuantBench.Throughput;

/// <summary>The mixed load: R requests at seeded Poisson arrivals, served by continuous batching with up to C at once.</summary>
internal sealed class MixedLoadRunner(IBatchDecoder decoder, IClock clock)
{
    public MixedLoadResult Run(ThroughputSettings settings, double ratePerSecond, bool automatic, CancellationToken cancellationToken)
    {
        var arrivals = ArrivalSchedule.Poisson(ratePerSecond, settings.MixedLoadRequests, settings.Seed);
        var schedule = ThroughputRequests.Schedule(decoder, settings, arrivals);
        var served = new ContinuousBatchingScheduler(decoder, clock).Run(schedule, settings.MaxConcurrency, cancellationToken);
        return Summarise(settings, ratePerSecond, automatic, served);
    }

    internal static MixedLoadResult Summarise(ThroughputSettings settings, double ratePerSecond, bool automatic, ServedSchedule served)
    {
        var samples = served.Requests.Select(r => RequestMetrics.From(r.Trace)).ToImmutableArray();
        double duration = served.DurationMs;
        return new MixedLoadResult
        {
            PromptTokens = settings.PromptTokens,
            OutputTokens = settings.OutputTokens,
            ArrivalRatePerSecond = ratePerSecond,
            ArrivalRateAutomatic = automatic,
            MaxConcurrency = settings.MaxConcurrency,
            Seed = settings.Seed,
            ArrivalsMs = [.. served.Requests.Select(r => r.ArrivalMs)],
            Requests = samples,
            TimeToFirstTokenMs = SampleStatistics.From(samples.Select(s => s.TimeToFirstTokenMs).ToArray()),
            TimePerOutputTokenMs = SampleStatistics.From(samples.Select(s => s.TimePerOutputTokenMs).ToArray()),
            EndToEndMs = SampleStatistics.From(samples.Select(s => s.EndToEndMs).ToArray()),
            QueuedMs = SampleStatistics.From(served.Requests.Select(r => r.QueuedMs).ToArray()),
            DurationMs = duration,
            AchievedRequestsPerSecond = duration > 0 ? served.Requests.Length * 1000.0 / duration : double.NaN,
            GeneratedTokensPerSecond = duration > 0 ? served.GeneratedTokens * 1000.0 / duration : double.NaN,
            PeakConcurrency = served.PeakConcurrency,
            PeakKvCacheBytes = served.PeakKvCacheBytesInUse,
            DecodeSteps = served.Steps,
        };
    }
}
