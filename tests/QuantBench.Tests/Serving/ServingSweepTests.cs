using QuantBench.Serving;
using QuantBench.Tests.Fakes;

namespace QuantBench.Tests.Serving;

public sealed class ServingSweepTests
{
    private static readonly ServingWorkload Workload = new([new ServingPrompt("a b c", 3), new ServingPrompt("d e", 2)], 6);

    private static ServingSweepPlan Plan(params ServingLoad[] loads) => new()
    {
        Loads = [.. loads],
        RequestsPerPoint = 12,
        WarmupRequests = 3,
        MaxPointDuration = TimeSpan.FromSeconds(20),
        Stop = new ServingStopRule(StopWhenFlat: false),
    };

    [Fact]
    public async Task A_concurrency_point_keeps_that_many_in_flight_and_counts_no_warm_up()
    {
        // Long enough requests that the four workers overlap even on a busy machine.
        var client = new ScriptedServingClient(_ => (TimeSpan.FromMilliseconds(250), null));

        var result = await ServingSweep.RunAsync(client, Workload, Plan(ServingLoad.Concurrency(4)), null, CancellationToken.None);

        var point = Assert.Single(result.Points);
        Assert.Equal(12, point.Samples.Length);
        Assert.Equal(15, client.Sent);                       // 3 warm-ups sent, not counted
        Assert.Equal(4, client.MaxInFlight);                 // never more than the concurrency
        Assert.InRange(point.Metrics.MaxInFlight, 2, 4);
        Assert.Equal(12 * 6, point.Samples.Sum(s => s.OutputTokens));
        Assert.Equal(Enumerable.Range(0, 12), point.Samples.Select(s => s.Index));
        Assert.Null(result.StopReason);
    }

    [Fact]
    public async Task Server_counters_are_read_after_the_warm_ups_and_after_the_last_request()
    {
        var client = new ScriptedServingClient(_ => (TimeSpan.FromMilliseconds(5), null));
        var counters = new CountingMetricsSource(() => client.Sent);

        var result = await ServingSweep.RunAsync(client, Workload, Plan(ServingLoad.Concurrency(2), ServingLoad.Concurrency(4)), null, CancellationToken.None, counters);

        Assert.Equal(2, result.Points.Length);
        Assert.All(result.Points, p => Assert.Equal(12, p.Server!.Increases["requests_total"]));   // 3 warm-ups each, not in the increase
        Assert.Equal(4, counters.Reads);
    }

    [Fact]
    public async Task A_server_without_counters_leaves_the_points_without_them()
    {
        var client = new ScriptedServingClient(_ => (TimeSpan.FromMilliseconds(5), null));

        var result = await ServingSweep.RunAsync(client, Workload, Plan(ServingLoad.Concurrency(2)), null, CancellationToken.None, new CountingMetricsSource(null));

        Assert.Null(Assert.Single(result.Points).Server);
    }

    private sealed class CountingMetricsSource(Func<int>? requests) : IServerMetricsSource
    {
        public int Reads;

        public Task<System.Collections.Immutable.ImmutableSortedDictionary<string, double>?> ReadAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Reads);
            return Task.FromResult(requests is null ? null
                : System.Collections.Immutable.ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal,
                    [KeyValuePair.Create("requests_total", (double)requests()), KeyValuePair.Create("requests_running", 1.0)]));
        }
    }

    [Fact]
    public async Task Every_failure_is_counted_by_kind_and_a_high_error_rate_stops_the_sweep()
    {
        var client = new ScriptedServingClient(r => (TimeSpan.FromMilliseconds(5),
            r.Index % 3 == 0 ? new ServingError(ServingErrorKind.CutStream, "cut") : r.Index % 3 == 1 ? new ServingError(ServingErrorKind.HttpStatus, "500", 500) : null));
        var plan = Plan(ServingLoad.Concurrency(1), ServingLoad.Concurrency(2)) with { Stop = new ServingStopRule(MaxErrorRate: 0.5) };

        var result = await ServingSweep.RunAsync(client, Workload, plan, null, CancellationToken.None);

        var point = Assert.Single(result.Points);
        Assert.Equal(new ServingErrorCounts(0, 0, 4, 0, 4), point.Metrics.Errors);
        Assert.Equal(12, point.Metrics.Requests);
        Assert.Contains("66.7% of its requests failed", result.StopReason);
    }

    [Fact]
    public async Task A_rate_point_sends_on_the_seeded_schedule()
    {
        var client = new ScriptedServingClient(_ => (TimeSpan.FromMilliseconds(10), null));
        var plan = Plan(ServingLoad.Rate(50)) with { WarmupRequests = 0 };

        var result = await ServingSweep.RunAsync(client, Workload, plan, null, CancellationToken.None);

        var schedule = ServingArrivals.Schedule(50, 1, 12, plan.Seed);
        var samples = result.Points[0].Samples;
        Assert.Equal(12, samples.Length);
        foreach (var sample in samples)
        {
            // Samples arrive in completion order, so each is matched to its own arrival by index: never early,
            // late only by timer slack on a busy machine.
            Assert.InRange(sample.SentMs, schedule[sample.Index], schedule[sample.Index] + 3000);
        }
    }

    [Fact]
    public async Task A_point_stops_sending_at_its_time_limit()
    {
        var client = new ScriptedServingClient(_ => (TimeSpan.FromMilliseconds(100), null));
        var plan = Plan(ServingLoad.Concurrency(1)) with { RequestsPerPoint = 1000, WarmupRequests = 0, MaxPointDuration = TimeSpan.FromMilliseconds(350) };

        var result = await ServingSweep.RunAsync(client, Workload, plan, null, CancellationToken.None);

        var point = result.Points[0];
        Assert.InRange(point.Samples.Length, 2, 6);
        Assert.Contains(point.Warnings, w => w.Contains("time limit"));
    }

    [Fact]
    public async Task Requests_take_prompts_and_servers_in_turn()
    {
        var seen = new System.Collections.Concurrent.ConcurrentBag<ServingRequest>();
        var client = new ScriptedServingClient(r => { seen.Add(r); return (TimeSpan.Zero, null); }, serverCount: 3);
        var plan = Plan(ServingLoad.Concurrency(1)) with { WarmupRequests = 0, RequestsPerPoint = 6 };

        await ServingSweep.RunAsync(client, Workload, plan, null, CancellationToken.None);

        Assert.Equal([0, 1, 2, 0, 1, 2], seen.OrderBy(r => r.Index).Select(r => r.UrlIndex));
        Assert.Equal(["a b c", "d e", "a b c", "d e", "a b c", "d e"], seen.OrderBy(r => r.Index).Select(r => r.Prompt));
    }

    [Fact]
    public async Task No_prompt_is_sent_twice_in_a_sweep_warm_ups_and_every_point_included()
    {
        // A prompt sent again would be answered from the server's prompt cache (llama-server picks the slot that
        // holds it), and its TTFT would measure no prefill.
        var plan = Plan(ServingLoad.Concurrency(1), ServingLoad.Concurrency(2), ServingLoad.Rate(200)) with { RequestsPerPoint = 5, WarmupRequests = 2 };
        var workload = new ServingWorkload([.. Enumerable.Range(0, plan.PromptCount).Select(i => new ServingPrompt($"prompt {i}", 2))], 4);
        var seen = new System.Collections.Concurrent.ConcurrentBag<string>();
        var client = new ScriptedServingClient(r => { seen.Add(r.Prompt); return (TimeSpan.Zero, null); });

        await ServingSweep.RunAsync(client, workload, plan, null, CancellationToken.None);

        Assert.Equal(3 * (2 + 5), plan.PromptCount);
        Assert.Equal(plan.PromptCount, seen.Count);
        Assert.Equal(seen.Count, seen.Distinct().Count());
    }

    [Fact]
    public void The_sweep_stops_when_throughput_stops_growing()
    {
        ServingPoint Point(int c, double tps) => new()
        {
            Load = ServingLoad.Concurrency(c),
            WarmupRequests = 0,
            Samples = [],
            ClientCpuShare = 0,
            Metrics = ServingPointMetrics.From([], ServiceLevelObjective.Default) with { OutputTokensPerSecond = tps },
        };
        var rule = new ServingStopRule(MinGain: 0.05, Patience: 2);

        Assert.Null(rule.Check([Point(1, 100), Point(2, 180), Point(4, 200)]));
        Assert.Null(rule.Check([Point(1, 100), Point(2, 180), Point(4, 200), Point(8, 260)]));
        Assert.Contains("did not grow", rule.Check([Point(1, 100), Point(2, 180), Point(4, 185), Point(8, 188)]));
    }
}
