using QuantBench.Engines;
using QuantBench.Progress;
using QuantBench.Results;
using QuantBench.Running;
using QuantBench.Throughput;

namespace QuantBench.Tests.Throughput;

public sealed class ThroughputBenchmarkTests
{
    // Perfect batching: a step takes 10 ms whatever it holds, so B sequences give B times the tokens per second.
    private readonly FakeClock clock = new();

    private static readonly ThroughputSettings Settings = new()
    {
        PromptTokens = 4,
        OutputTokens = 3,
        BatchSizes = [4, 1, 2],
        Repetitions = 2,
        ArrivalRatePerSecond = 50,
        MixedLoadRequests = 5,
        MaxConcurrency = 2,
        ContextDepths = [8, 0],
        DepthDecodeTokens = 2,
        MemoryLimitBytes = 1L << 50,
    };

    [Fact]
    public void Batch_sweep_rates_follow_from_the_step_times()
    {
        var result = Run(Settings);

        var sweep = result.BatchSweep!;
        Assert.Equal([1, 2, 4], sweep.Points.Select(p => p.BatchSize));
        // B x 3 tokens in 3 steps of 10 ms; decode: B x 2 tokens over the last 2 steps.
        Assert.Equal([100.0, 200.0, 400.0], sweep.Points.Select(p => p.GeneratedTokensPerSecond.Median));
        Assert.Equal([100.0, 200.0, 400.0], sweep.Points.Select(p => p.DecodeTokensPerSecond.Median));
        Assert.Equal([1000.0 / 30, 2000.0 / 30, 4000.0 / 30], sweep.Points.Select(p => p.RequestsPerSecond.Median));
        Assert.All(sweep.Points, p =>
        {
            Assert.Equal(10, p.TimeToFirstTokenMs.Median);
            Assert.Equal(10, p.TimePerOutputTokenMs.Median);
            Assert.Equal(30, p.EndToEndMs.Median);
            Assert.Equal(2 * p.BatchSize, p.EndToEndMs.N);
            Assert.Equal(2, p.GeneratedTokensPerSecond.N);
            // Longest: 4 prompt tokens + 2 decoded per sequence, 10 bytes each.
            Assert.Equal(p.BatchSize * 6 * FakeBatchDecoder.BytesPerToken, p.KvCacheBytes);
        });
        Assert.Null(sweep.KneeBatchSize);
        Assert.Equal("pp4+tg3", sweep.TestName);
    }

    [Fact]
    public void The_memory_fit_divides_the_limit_by_one_sequences_cache()
    {
        var sweep = Run(Settings with { MemoryLimitBytes = 1L << 40 }).BatchSweep!;

        Assert.Equal("setting", sweep.MemoryFit!.LimitSource);
        Assert.Equal(7 * FakeBatchDecoder.BytesPerToken, sweep.MemoryFit.KvCacheBytesPerSequence);
        Assert.Equal(sweep.MemoryFit.AvailableBytes / 70, sweep.MemoryFit.LargestBatchSize);
        Assert.Equal(4, sweep.MemoryFit.LargestSweptBatchSize);
    }

    [Fact]
    public void Mixed_load_serves_every_request_at_the_given_rate()
    {
        var mixed = Run(Settings).MixedLoad!;

        Assert.Equal(5, mixed.RequestCount);
        Assert.False(mixed.ArrivalRateAutomatic);
        Assert.Equal(50, mixed.ArrivalRatePerSecond);
        Assert.Equal(ArrivalSchedule.Poisson(50, 5, Settings.Seed).ToArray(), mixed.ArrivalsMs.ToArray());
        Assert.All(mixed.Requests, r => Assert.True(r.EndToEndMs >= 30, $"E2E {r.EndToEndMs}"));
        Assert.InRange(mixed.PeakConcurrency, 1, 2);
        Assert.Equal(15 * 1000.0 / mixed.DurationMs, mixed.GeneratedTokensPerSecond, 9);
    }

    [Fact]
    public void An_automatic_rate_is_seventy_percent_of_the_sweeps_requests_per_second_at_the_maximum_concurrency()
    {
        var mixed = Run(Settings with { ArrivalRatePerSecond = 0 }).MixedLoad!;

        Assert.True(mixed.ArrivalRateAutomatic);
        Assert.Equal(0.7 * 2000.0 / 30, mixed.ArrivalRatePerSecond, 9);
    }

    [Fact]
    public void Context_depth_times_the_fill_and_the_decodes_separately_with_llama_bench_names()
    {
        var depth = Run(Settings).ContextDepth!;

        Assert.Equal(["tg2", "tg2 @ d8"], depth.Points.Select(p => p.DecodeTestName));
        var zero = depth.Points[0];
        Assert.Equal(100, zero.DecodeTokensPerSecond.Median);
        Assert.Null(zero.PrefillTokensPerSecond);
        var eight = depth.Points[1];
        Assert.Equal("pp8", eight.PrefillTestName);
        Assert.Equal("pp8+tg2", eight.PromptAndGenerateTestName);
        Assert.Equal(800, eight.PrefillTokensPerSecond!.Median);
        Assert.Equal(100, eight.DecodeTokensPerSecond.Median);
        Assert.Equal(10 * 1000.0 / 30, eight.PromptAndGenerateTokensPerSecond!.Median, 9);
    }

    [Fact]
    public void Scenarios_that_are_switched_off_are_not_run()
    {
        var factory = new FakeFactory(clock);

        var result = new ThroughputBenchmark(clock).Run(factory, Settings with { RunBatchSweep = false, RunMixedLoad = false }, "m", null, CancellationToken.None);

        Assert.Null(result.BatchSweep);
        Assert.Null(result.MixedLoad);
        Assert.NotNull(result.ContextDepth);
        Assert.Equal([new BatchDecoderOptions(1, 10)], factory.Created);
    }

    [Fact]
    public void Invalid_settings_are_refused_with_every_problem()
    {
        var bad = Settings with { Repetitions = 0, BatchSizes = [] };

        var e = Assert.Throws<ArgumentException>(() => new ThroughputBenchmark(clock).Run(new FakeFactory(clock), bad, "m", null, CancellationToken.None));

        Assert.Contains("repetitions", e.Message);
        Assert.Contains("batch sizes", e.Message);
    }

    [Fact]
    public void The_result_round_trips_through_results_json()
    {
        var result = Run(Settings);

        var json = ResultsJson.Serialize(result);
        var back = ResultsJson.Deserialize<ThroughputResult>(json);

        Assert.Contains("\"generatedTokensPerSecond\"", json);
        Assert.Equal(result.BatchSweep!.Points[2].GeneratedTokensPerSecond.Median, back.BatchSweep!.Points[2].GeneratedTokensPerSecond.Median);
        Assert.Equal(result.MixedLoad!.TimeToFirstTokenMs.P99, back.MixedLoad!.TimeToFirstTokenMs.P99);
    }

    [Fact]
    public void Progress_names_each_phase()
    {
        var phases = new List<BenchmarkPhase>();

        new ThroughputBenchmark(clock).Run(new FakeFactory(clock), Settings, "m", new SyncProgress(p => phases.Add(p.Phase)), CancellationToken.None);

        Assert.Equal([BenchmarkPhase.BatchSweep, BenchmarkPhase.MixedLoad, BenchmarkPhase.ContextDepth], phases.Distinct());
    }

    private ThroughputResult Run(ThroughputSettings settings) =>
        new ThroughputBenchmark(clock).Run(new FakeFactory(clock), settings, "m", null, CancellationToken.None);

    private sealed class FakeFactory(FakeClock clock) : IBatchDecoderFactory
    {
        public List<BatchDecoderOptions> Created { get; } = [];

        public IBatchDecoder CreateBatchDecoder(BatchDecoderOptions options, CancellationToken cancellationToken)
        {
            Created.Add(options);
            return new FakeBatchDecoder(clock, options.MaxSequences, stepMs: 10);
        }
    }

    // Progress<T> posts to the thread pool; this reports in order, on the caller's thread.
    private sealed class SyncProgress(Action<BenchmarkProgress> report) : IProgress<BenchmarkProgress>
    {
        public void Report(BenchmarkProgress value) => report(value);
    }
}
