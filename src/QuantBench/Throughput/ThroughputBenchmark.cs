using QuantBench.Engines;
using QuantBench.Memory;
using QuantBench.Progress;

namespace QuantBench.Throughput;

/// <summary>
/// Runs the throughput scenario on a loaded model: the batch-size sweep, then the mixed load, then the
/// context-depth test, each on a decoder context sized for it and disposed before the next.
/// Call it in the model's worker after the latency test (the worker's session implements <see cref="IBatchDecoderFactory"/>).
/// </summary>
public sealed class ThroughputBenchmark(IClock? clock = null)
{
    /// <summary>Share of the sweep's measured capacity used as the arrival rate when none is given.</summary>
    public const double AutomaticLoadFactor = 0.7;

    private readonly IClock clock = clock ?? new StopwatchClock();

    public ThroughputResult Run(IBatchDecoderFactory factory, ThroughputSettings settings, string modelLabel, IProgress<BenchmarkProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(settings);
        var problems = settings.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException("invalid throughput settings: " + string.Join("; ", problems), nameof(settings));
        }

        double start = clock.NowMs;
        // Read before any batch context exists: what is left for batch state once the model is loaded.
        var memory = AvailableForBatches(settings);
        BatchSweepResult? sweep = null;
        MixedLoadResult? mixed = null;
        int sequences = Math.Max(settings.RunBatchSweep ? settings.BatchSizes.Max() : 0, settings.RunMixedLoad ? settings.MaxConcurrency : 0);
        if (sequences > 0)
        {
            using var decoder = factory.CreateBatchDecoder(new BatchDecoderOptions(sequences, settings.PromptTokens + settings.OutputTokens), cancellationToken);
            if (settings.RunBatchSweep)
            {
                var fit = memory is { } m
                    ? BatchMemoryFit.Compute(m.Bytes, m.Source, (long)(settings.PromptTokens + settings.OutputTokens) * decoder.KvCacheBytesPerToken, settings.BatchSizes)
                    : null;
                sweep = new BatchSweepRunner(decoder, clock).Run(settings, fit, (i, n) => progress?.Report(new BenchmarkProgress(modelLabel, BenchmarkPhase.BatchSweep, i, n)), cancellationToken);
            }

            if (settings.RunMixedLoad)
            {
                progress?.Report(new BenchmarkProgress(modelLabel, BenchmarkPhase.MixedLoad, 0, 1));
                bool automatic = settings.ArrivalRatePerSecond == 0;
                double rate = automatic ? AutomaticRate(sweep!, settings.MaxConcurrency) : settings.ArrivalRatePerSecond;
                mixed = new MixedLoadRunner(decoder, clock).Run(settings, rate, automatic, cancellationToken);
                progress?.Report(new BenchmarkProgress(modelLabel, BenchmarkPhase.MixedLoad, 1, 1));
            }
        }

        ContextDepthResult? depth = null;
        if (settings.RunContextDepth)
        {
            using var decoder = factory.CreateBatchDecoder(new BatchDecoderOptions(1, settings.ContextDepths.Max() + settings.DepthDecodeTokens), cancellationToken);
            depth = new ContextDepthRunner(decoder, clock).Run(settings, (i, n) => progress?.Report(new BenchmarkProgress(modelLabel, BenchmarkPhase.ContextDepth, i, n)), cancellationToken);
        }

        return new ThroughputResult { BatchSweep = sweep, MixedLoad = mixed, ContextDepth = depth, DurationMs = clock.NowMs - start };
    }

    /// <summary>
    /// The automatic arrival rate: <see cref="AutomaticLoadFactor"/> x the median requests/s the sweep measured at
    /// the largest swept batch size not above the maximum concurrency (the smallest swept size when all exceed it).
    /// </summary>
    internal static double AutomaticRate(BatchSweepResult sweep, int maxConcurrency)
    {
        var point = sweep.Points.Where(p => p.BatchSize <= maxConcurrency).MaxBy(p => p.BatchSize) ?? sweep.Points.MinBy(p => p.BatchSize)!;
        return AutomaticLoadFactor * point.RequestsPerSecond.Median;
    }

    private static (long Bytes, string Source)? AvailableForBatches(ThroughputSettings settings)
    {
        if (settings.MemoryLimitBytes > 0)
        {
            long resident = ProcessMemoryReader.Read()?.ResidentBytes ?? 0;
            return (settings.MemoryLimitBytes - resident, "setting");
        }

        return AvailableMemoryReader.Read() is { } available ? (available, "MemAvailable") : null;
    }
}
