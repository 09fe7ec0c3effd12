using System.Collections.Immutable;
using QuantBench.Engines;
using QuantBench.Measurements;
using QuantBench.Throughput;

namespace QuantBench.Tests.Throughput;

public sealed class ContinuousBatchingSchedulerTests
{
    private const int PromptTokens = 4;

    // Every test: a step costs 10 ms plus 1 ms per prompt token it prefills (4 ms per prompt).
    private readonly FakeClock clock = new();

    private static ScheduledRequest Request(double arrivalMs, int outputTokens = 3) =>
        new(arrivalMs, new GenerationRequest([1, 2, 3, 4], outputTokens));

    private FakeBatchDecoder Decoder(int sequences) => new(clock, sequences, stepMs: 10, perPromptTokenMs: 1);

    [Fact]
    public void Simultaneous_requests_are_prefilled_together_then_decoded_in_lock_step()
    {
        var decoder = Decoder(2);

        var run = new ContinuousBatchingScheduler(decoder, clock).Run([Request(0), Request(0)], 2, CancellationToken.None);

        // Step 1: 10 + 2 x 4 = 18 ms; steps 2 and 3: 10 ms each.
        Assert.Equal(3, run.Steps);
        Assert.All(run.Requests, r => Assert.Equal([18.0, 28.0, 38.0], r.Trace.TokenTimesMs.ToArray()));
        var metrics = RequestMetrics.From(run.Requests[1].Trace);
        Assert.Equal(18, metrics.TimeToFirstTokenMs);
        Assert.Equal(38, metrics.EndToEndMs);
        Assert.Equal(10, metrics.TimePerOutputTokenMs);
        Assert.Equal([(0, true), (1, true)], decoder.Steps[0]);
        Assert.Equal(38, run.DurationMs);
    }

    [Fact]
    public void A_late_request_joins_the_running_batch_and_is_prefilled_alongside_its_decode()
    {
        var decoder = Decoder(2);

        var run = new ContinuousBatchingScheduler(decoder, clock).Run([Request(0), Request(15)], 2, CancellationToken.None);

        // A: 14, 24 (B has arrived at 15 and is admitted at 24), 38 (its step prefills B: 10 + 4).
        var a = run.Requests[0];
        var b = run.Requests[1];
        Assert.Equal([14.0, 24.0, 38.0], a.Trace.TokenTimesMs.ToArray());
        Assert.Equal([(0, false), (1, true)], decoder.Steps[2]);
        // B's times count from its arrival at 15: first token at 38, then 48 and 58.
        Assert.Equal(24, b.AdmittedMs);
        Assert.Equal(9, b.QueuedMs);
        Assert.Equal([23.0, 33.0, 43.0], b.Trace.TokenTimesMs.ToArray());
        Assert.Equal(23, b.Trace.PrefillEndMs);
        Assert.Equal(2, run.PeakConcurrency);
    }

    [Fact]
    public void A_request_waits_in_the_queue_while_every_slot_is_busy_and_reuses_the_freed_slot()
    {
        var decoder = Decoder(1);

        var run = new ContinuousBatchingScheduler(decoder, clock).Run([Request(0), Request(0)], 1, CancellationToken.None);

        Assert.Equal([14.0, 24.0, 34.0], run.Requests[0].Trace.TokenTimesMs.ToArray());
        Assert.Equal(34, run.Requests[1].QueuedMs);
        Assert.Equal(48, RequestMetrics.From(run.Requests[1].Trace).TimeToFirstTokenMs);
        Assert.Equal(68, RequestMetrics.From(run.Requests[1].Trace).EndToEndMs);
        Assert.Equal([0, 0], decoder.Removed);
        Assert.Equal(1, run.PeakConcurrency);
    }

    [Fact]
    public void An_idle_scheduler_waits_for_the_next_arrival_without_counting_the_wait_against_the_request()
    {
        var decoder = Decoder(2);

        var run = new ContinuousBatchingScheduler(decoder, clock).Run([Request(0), Request(100)], 2, CancellationToken.None);

        Assert.Equal([100.0], clock.Waits);
        Assert.Equal(0, run.Requests[1].QueuedMs);
        Assert.Equal([14.0, 24.0, 34.0], run.Requests[1].Trace.TokenTimesMs.ToArray());
        Assert.Equal(134, run.DurationMs);
    }

    [Fact]
    public void A_sequence_leaves_as_soon_as_it_has_its_tokens_and_its_cache_is_freed()
    {
        var decoder = Decoder(2);

        var run = new ContinuousBatchingScheduler(decoder, clock).Run([Request(0, outputTokens: 2), Request(0, outputTokens: 4)], 2, CancellationToken.None);

        Assert.Equal(2, run.Requests[0].Tokens.Length);
        Assert.Equal(4, run.Requests[1].Tokens.Length);
        Assert.Equal([(1, false)], decoder.Steps[2]);
        Assert.Equal([0, 1], decoder.Removed);
        Assert.Equal(0, decoder.KvCacheBytesInUse);
        // Both sequences at their longest together: after step 2, 5 cells each.
        Assert.Equal(10 * FakeBatchDecoder.BytesPerToken, run.PeakKvCacheBytesInUse);
    }

    [Fact]
    public void Each_request_gets_the_tokens_its_own_sequence_produced()
    {
        var run = new ContinuousBatchingScheduler(Decoder(2), clock).Run([Request(0), Request(0)], 2, CancellationToken.None);

        Assert.Equal([1, 2, 3], run.Requests[0].Tokens.ToArray());
        Assert.Equal([1001, 1002, 1003], run.Requests[1].Tokens.ToArray());
    }

    [Fact]
    public void A_schedule_out_of_arrival_order_is_refused()
    {
        var scheduler = new ContinuousBatchingScheduler(Decoder(2), clock);

        Assert.Throws<ArgumentException>(() => scheduler.Run([Request(10), Request(5)], 2, CancellationToken.None));
    }

    [Fact]
    public void Concurrency_above_the_decoders_sequences_is_refused()
    {
        var scheduler = new ContinuousBatchingScheduler(Decoder(2), clock);

        Assert.Throws<ArgumentOutOfRangeException>(() => scheduler.Run([Request(0)], 3, CancellationToken.None));
    }

    [Fact]
    public void Cancellation_stops_the_run()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.Throws<OperationCanceledException>(() =>
            new ContinuousBatchingScheduler(Decoder(2), clock).Run([Request(0)], 2, cancelled.Token));
    }
}
