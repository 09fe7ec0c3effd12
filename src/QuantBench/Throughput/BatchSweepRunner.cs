using System.Collections.Immutable;
using QuantBench.Engines;
using QuantBench.Measurements;
using QuantBench.Statistics;

namespace QuantBench.Throughput;

/// <summary>
/// The batch-size sweep: for each B, B requests arrive together and are served by the continuous-batching
/// scheduler with B slots, so all prompts are prefilled in one decode call and then decoded in lock-step.
/// </summary>
internal sealed class BatchSweepRunner(IBatchDecoder decoder, IClock clock)
{
    public BatchSweepResult Run(ThroughputSettings settings, BatchMemoryFit? memoryFit, Action<int, int> report, CancellationToken cancellationToken)
    {
        var scheduler = new ContinuousBatchingScheduler(decoder, clock);
        var sizes = settings.BatchSizes.Distinct().Order().ToArray();
        // One unmeasured run warms caches and lets the engine allocate its buffers.
        RunOnce(scheduler, settings, sizes[0], cancellationToken);

        var points = ImmutableArray.CreateBuilder<BatchSizeResult>(sizes.Length);
        for (int s = 0; s < sizes.Length; s++)
        {
            report(s, sizes.Length);
            var runs = Enumerable.Range(0, settings.Repetitions)
                .Select(_ => RunOnce(scheduler, settings, sizes[s], cancellationToken))
                .ToArray();
            points.Add(Summarise(sizes[s], settings, runs));
        }

        report(sizes.Length, sizes.Length);
        var result = points.MoveToImmutable();
        return new BatchSweepResult
        {
            PromptTokens = settings.PromptTokens,
            OutputTokens = settings.OutputTokens,
            Repetitions = settings.Repetitions,
            Points = result,
            KneeBatchSize = KneeDetector.Find(result.Select(p => (p.BatchSize, p.GeneratedTokensPerSecond.Median)), settings.KneeMinimumGain),
            KneeMinimumGain = settings.KneeMinimumGain,
            MemoryFit = memoryFit,
        };
    }

    private ServedSchedule RunOnce(ContinuousBatchingScheduler scheduler, ThroughputSettings settings, int batchSize, CancellationToken cancellationToken)
    {
        var schedule = ThroughputRequests.Schedule(decoder, settings, ArrivalSchedule.Simultaneous(batchSize));
        return scheduler.Run(schedule, batchSize, cancellationToken);
    }

    internal static BatchSizeResult Summarise(int batchSize, ThroughputSettings settings, IReadOnlyList<ServedSchedule> runs)
    {
        var metrics = runs.SelectMany(r => r.Requests).Select(r => RequestMetrics.From(r.Trace)).ToArray();
        double[] Each(Func<ServedSchedule, double> figure) => runs.Select(figure).ToArray();
        return new BatchSizeResult
        {
            BatchSize = batchSize,
            GeneratedTokensPerSecond = SampleStatistics.From(Each(r => r.GeneratedTokens * 1000.0 / r.DurationMs)),
            DecodeTokensPerSecond = SampleStatistics.From(Each(r => DecodeRate(r))),
            RequestsPerSecond = SampleStatistics.From(Each(r => r.Requests.Length * 1000.0 / r.DurationMs)),
            TimeToFirstTokenMs = SampleStatistics.From(metrics.Select(m => m.TimeToFirstTokenMs).ToArray()),
            TimePerOutputTokenMs = SampleStatistics.From(metrics.Select(m => m.TimePerOutputTokenMs).ToArray()),
            EndToEndMs = SampleStatistics.From(metrics.Select(m => m.EndToEndMs).ToArray()),
            KvCacheBytes = runs.Max(r => r.PeakKvCacheBytesInUse),
        };
    }

    // The decode phase runs from the first first-token to the last token; every request decodes N - 1 tokens in it.
    private static double DecodeRate(ServedSchedule run)
    {
        double start = run.Requests.Min(r => r.ArrivalMs + r.Trace.TokenTimesMs[0]);
        double end = run.Requests.Max(r => r.FinishedMs);
        int decoded = run.Requests.Sum(r => r.Trace.OutputTokens - 1);
        return end > start ? decoded * 1000.0 / (end - start) : double.NaN;
    }
}
