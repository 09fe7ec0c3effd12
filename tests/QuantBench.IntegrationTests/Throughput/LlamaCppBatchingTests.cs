using System.Collections.Immutable;
using System.Diagnostics;
using QuantBench.Engines;
using QuantBench.Running;
using QuantBench.Throughput;
using Xunit.Abstractions;

namespace QuantBench.IntegrationTests.Throughput;

/// <summary>Batched decoding in real llama.cpp on the tiny synthetic model (one class, so the tests never compete for the cores).</summary>
public sealed class LlamaCppBatchingTests(TinyModelFixture model, ITestOutputHelper output) : IClassFixture<TinyModelFixture>
{
    private const int PromptTokens = 128;
    private const int OutputTokens = 64;

    [Fact]
    public void Four_sequences_together_decode_more_tokens_per_second_than_one_and_each_gets_exactly_N_tokens()
    {
        using var decoder = model.Factory.CreateBatchDecoder(new BatchDecoderOptions(4, PromptTokens + OutputTokens), CancellationToken.None);
        var scheduler = new ContinuousBatchingScheduler(decoder, new StopwatchClock());
        scheduler.Run(Requests(decoder, 1), 1, CancellationToken.None); // warm-up

        // Interleaved runs, compared by their medians, so that a burst of load on a shared machine hits both sizes alike.
        var singles = new List<ServedSchedule>();
        var fours = new List<ServedSchedule>();
        for (int i = 0; i < 5; i++)
        {
            singles.Add(scheduler.Run(Requests(decoder, 1), 1, CancellationToken.None));
            fours.Add(scheduler.Run(Requests(decoder, 4), 4, CancellationToken.None));
        }

        double single = Median(singles.Select(DecodeRate));
        double four = Median(fours.Select(DecodeRate));
        output.WriteLine($"decode tokens/s: B=1 {single:F0}, B=4 {four:F0}");
        Assert.All(singles.Concat(fours).SelectMany(r => r.Requests), r =>
        {
            Assert.Equal(OutputTokens, r.Tokens.Length);
            Assert.Equal(OutputTokens, r.Trace.OutputTokens);
        });
        Assert.All(fours, r => Assert.Equal(4, r.PeakConcurrency));
        // 1 prefill step + N - 1 decode steps, whatever B is: the sequences share every decode call.
        Assert.All(fours, r => Assert.Equal(OutputTokens, r.Steps));
        Assert.True(four > single, $"B=4 decoded {four:F0} tokens/s, B=1 {single:F0}");
    }

    // The decode phase alone (prefill work grows with B and would dilute the comparison): all tokens after the first.
    private static double DecodeRate(ServedSchedule run) =>
        run.Requests.Sum(r => r.Trace.OutputTokens - 1) * 1000.0
        / (run.Requests.Max(r => r.FinishedMs) - run.Requests.Min(r => r.ArrivalMs + r.Trace.TokenTimesMs[0]));

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }

    [Fact]
    public void Batched_greedy_output_of_each_sequence_equals_its_output_alone()
    {
        using var decoder = model.Factory.CreateBatchDecoder(new BatchDecoderOptions(4, PromptTokens + OutputTokens), CancellationToken.None);
        var scheduler = new ContinuousBatchingScheduler(decoder, new StopwatchClock());
        var requests = Requests(decoder, 4);

        var together = scheduler.Run(requests, 4, CancellationToken.None);
        for (int i = 0; i < requests.Length; i++)
        {
            var alone = scheduler.Run([requests[i] with { ArrivalMs = 0 }], 1, CancellationToken.None);
            // ImmutableArray's own Equals compares references; compare the tokens.
            Assert.Equal(alone.Requests[0].Tokens.ToArray(), together.Requests[i].Tokens.ToArray());
        }

        // Different prompts must give different continuations, or the comparison above proves nothing.
        Assert.NotEqual(together.Requests[0].Tokens.ToArray(), together.Requests[1].Tokens.ToArray());
    }

    [Fact]
    public void Kv_cache_in_use_counts_every_cached_token_of_every_sequence()
    {
        using var decoder = model.Factory.CreateBatchDecoder(new BatchDecoderOptions(4, PromptTokens + OutputTokens), CancellationToken.None);
        // tiny: 4 layers x 4 KV heads x (32 + 32) key and value elements x 2 bytes (f16).
        Assert.Equal(2048, decoder.KvCacheBytesPerToken);
        Assert.Equal(4L * 256 * 2048, decoder.KvCacheBytesReserved);

        var run = new ContinuousBatchingScheduler(decoder, new StopwatchClock()).Run(Requests(decoder, 3), 3, CancellationToken.None);

        Assert.Equal(3L * (PromptTokens + OutputTokens - 1) * 2048, run.PeakKvCacheBytesInUse);
        Assert.Equal(0, decoder.KvCacheBytesInUse);
    }

    [Fact]
    public void Mixed_load_lets_late_requests_join_the_running_batch()
    {
        using var decoder = model.Factory.CreateBatchDecoder(new BatchDecoderOptions(4, PromptTokens + OutputTokens), CancellationToken.None);
        var arrivals = ArrivalSchedule.Poisson(200, 12, seed: 7);
        var schedule = Requests(decoder, 12).Select((r, i) => r with { ArrivalMs = arrivals[i] }).ToImmutableArray();

        var run = new ContinuousBatchingScheduler(decoder, new StopwatchClock()).Run(schedule, 4, CancellationToken.None);

        Assert.All(run.Requests, r => Assert.Equal(OutputTokens, r.Tokens.Length));
        Assert.Equal(4, run.PeakConcurrency);
        // Sequences joined mid-flight: far fewer steps than serving the 12 one after another (12 x N).
        Assert.True(run.Steps < 12 * OutputTokens / 2, $"{run.Steps} steps");
    }

    [Fact]
    public void Throughput_benchmark_reports_every_scenario_on_the_tiny_model()
    {
        // Cut down from the defaults so that the suite stays quick; the figures are printed, not asserted.
        var settings = new ThroughputSettings { BatchSizes = [1, 2, 4], Repetitions = 2, MixedLoadRequests = 6, MaxConcurrency = 4, ContextDepths = [0, 256], DepthDecodeTokens = 16 };
        var clock = Stopwatch.StartNew();

        var result = new ThroughputBenchmark().Run(model.Factory, settings, "tiny", null, CancellationToken.None);

        output.WriteLine($"cut-down throughput scenario on tiny: {clock.Elapsed.TotalSeconds:F1} s");
        var sweep = result.BatchSweep!;
        foreach (var p in sweep.Points)
        {
            output.WriteLine($"B={p.BatchSize}: {p.GeneratedTokensPerSecond.Median:F0} tok/s, decode {p.DecodeTokensPerSecond.Median:F0} tok/s, {p.RequestsPerSecond.Median:F2} req/s, TPOT {p.TimePerOutputTokenMs.Median:F2} ms, KV {p.KvCacheBytes / 1024} KiB");
        }

        var mixed = result.MixedLoad!;
        output.WriteLine($"knee {sweep.KneeBatchSize}; fit {sweep.MemoryFit?.LargestBatchSize}; mixed {mixed.ArrivalRatePerSecond:F1} req/s -> {mixed.AchievedRequestsPerSecond:F1} req/s, TTFT p50 {mixed.TimeToFirstTokenMs.Median:F1} p99 {mixed.TimeToFirstTokenMs.P99:F1} ms, peak {mixed.PeakConcurrency}");
        foreach (var d in result.ContextDepth!.Points)
        {
            output.WriteLine($"{d.DecodeTestName}: {d.DecodeTokensPerSecond.Median:F0} tok/s; {d.PrefillTestName}: {d.PrefillTokensPerSecond?.Median:F0}; {d.PromptAndGenerateTestName}: {d.PromptAndGenerateTokensPerSecond?.Median:F0}");
        }

        Assert.Equal([1, 2, 4], sweep.Points.Select(p => p.BatchSize));
        Assert.All(sweep.Points, p => Assert.Equal(2 * p.BatchSize, p.EndToEndMs.N));
        Assert.Equal(6, mixed.RequestCount);
        Assert.All(mixed.Requests, r => Assert.True(r.TimeToFirstTokenMs > 0 && r.EndToEndMs > r.TimeToFirstTokenMs));
        Assert.True(mixed.ArrivalRateAutomatic);
        Assert.Equal(["tg16", "tg16 @ d256"], result.ContextDepth.Points.Select(p => p.DecodeTestName));
        Assert.NotNull(sweep.MemoryFit);
    }

    private static ImmutableArray<ScheduledRequest> Requests(IBatchDecoder decoder, int count) =>
        [.. Enumerable.Range(0, count).Select(i => new ScheduledRequest(0, new GenerationRequest(
            PromptFactory.Create(PromptTokens, decoder.VocabularySize, decoder.BeginningOfSequenceToken, 42 + i), OutputTokens)))];
}
