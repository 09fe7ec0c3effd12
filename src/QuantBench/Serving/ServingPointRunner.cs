using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace QuantBench.Serving;

/// <summary>
/// Measures one load point: warm-up requests (not counted), then a closed loop at a concurrency or an open
/// loop on a seeded schedule. Bounded: at most the plan's request count, no new request after its time limit,
/// and each request bounded by the client's timeout. Where the server has counters (<c>serverMetrics</c>),
/// they are read after the warm-ups and after the measured requests.
/// </summary>
public sealed class ServingPointRunner(IServingClient client, ServingWorkload workload, ServingSweepPlan plan, IServerMetricsSource? serverMetrics = null)
{
    public async Task<ServingPoint> RunAsync(ServingLoad load, int pointIndex, IProgress<ServingProgress>? progress, CancellationToken cancellationToken)
    {
        int pointCount = plan.Loads.Length;
        if (plan.WarmupRequests > 0)
        {
            progress?.Report(new ServingProgress(load, pointIndex, pointCount, 0, plan.WarmupRequests, WarmingUp: true));
            int warmupConcurrency = Math.Min(load.ConcurrencyLimit(plan.WarmupRequests), plan.WarmupRequests);
            await ClosedLoopAsync(warmupConcurrency, plan.WarmupRequests, plan.FirstPrompt(pointIndex), null, cancellationToken);
        }

        var countersBefore = serverMetrics is null ? null : await serverMetrics.ReadAsync(cancellationToken);
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        var report = new Action<int>(done => progress?.Report(new ServingProgress(load, pointIndex, pointCount, done, plan.RequestsPerPoint, WarmingUp: false)));
        var samples = load.Kind == ServingLoadKind.Concurrency
            ? await ClosedLoopAsync((int)load.Value, plan.RequestsPerPoint, plan.FirstPrompt(pointIndex) + plan.WarmupRequests, report, cancellationToken)
            : await OpenLoopAsync(load, plan.FirstPrompt(pointIndex) + plan.WarmupRequests, report, cancellationToken);
        double cpuShare = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds
            / Math.Max(1e-9, wall.Elapsed.TotalSeconds * Environment.ProcessorCount);

        var countersAfter = countersBefore is null ? null : await serverMetrics!.ReadAsync(cancellationToken);
        var ordered = samples.OrderBy(s => s.Index).ToArray();
        var warnings = new List<string>();
        if (cpuShare > plan.ClientCpuWarningShare)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture,
                $"the client used {cpuShare * 100:0}% of the machine's CPU (warning above {plan.ClientCpuWarningShare * 100:0}%): the client may have slowed the measurement"));
        }

        if (ordered.Length < plan.RequestsPerPoint)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture,
                $"time limit {plan.MaxPointDuration.TotalSeconds:0} s reached after {ordered.Length} of {plan.RequestsPerPoint} requests"));
        }

        return new ServingPoint
        {
            Load = load,
            WarmupRequests = plan.WarmupRequests,
            Samples = [.. ordered],
            Metrics = ServingPointMetrics.From(ordered, plan.Objective),
            ClientCpuShare = cpuShare,
            Warnings = [.. warnings],
            Server = countersBefore is not null && countersAfter is not null ? ServerPointCounters.Between(countersBefore, countersAfter) : null,
        };
    }

    private async Task<IReadOnlyCollection<ServingSample>> ClosedLoopAsync(int concurrency, int count, int firstPrompt, Action<int>? report, CancellationToken cancellationToken)
    {
        var samples = new ConcurrentBag<ServingSample>();
        var clock = Stopwatch.StartNew();
        int next = -1;
        async Task WorkerAsync()
        {
            while (true)
            {
                int index = Interlocked.Increment(ref next);
                if (index >= count || clock.Elapsed > plan.MaxPointDuration)
                {
                    return;
                }

                var request = workload.Request(index, client.ServerCount, firstPrompt + index);
                double sentMs = clock.Elapsed.TotalMilliseconds;
                var sample = await client.SendAsync(request, cancellationToken);
                samples.Add(sample with { SentMs = sentMs });
                report?.Invoke(samples.Count);
            }
        }

        await Task.WhenAll(Enumerable.Range(0, Math.Max(1, concurrency)).Select(_ => Task.Run(WorkerAsync, cancellationToken)));
        return samples;
    }

    private async Task<IReadOnlyCollection<ServingSample>> OpenLoopAsync(ServingLoad load, int firstPrompt, Action<int> report, CancellationToken cancellationToken)
    {
        var arrivals = ServingArrivals.Schedule(load.Value, load.Burstiness, plan.RequestsPerPoint, plan.Seed);
        var samples = new ConcurrentBag<ServingSample>();
        var inFlight = new List<Task>(arrivals.Length);
        var clock = Stopwatch.StartNew();
        for (int index = 0; index < arrivals.Length; index++)
        {
            var due = TimeSpan.FromMilliseconds(arrivals[index]);
            if (due > plan.MaxPointDuration)
            {
                break;
            }

            await WaitUntilAsync(clock, due, cancellationToken);

            var request = workload.Request(index, client.ServerCount, firstPrompt + index);
            double sentMs = clock.Elapsed.TotalMilliseconds;
            inFlight.Add(Task.Run(async () =>
            {
                var sample = await client.SendAsync(request, cancellationToken);
                samples.Add(sample with { SentMs = sentMs });
                report(samples.Count);
            }, cancellationToken));
        }

        await Task.WhenAll(inFlight);
        return samples;
    }

    /// <summary>
    /// Waits until the clock reads at least <paramref name="due"/>. A timer may fire up to a tick early (Task.Delay
    /// truncates to whole milliseconds and its clock is coarse), so the wait sleeps to just short of the time and
    /// yields the last stretch: a request is never sent before its arrival time.
    /// </summary>
    private static async Task WaitUntilAsync(Stopwatch clock, TimeSpan due, CancellationToken cancellationToken)
    {
        var slack = TimeSpan.FromMilliseconds(2);
        for (var wait = due - clock.Elapsed; wait > TimeSpan.Zero; wait = due - clock.Elapsed)
        {
            if (wait > slack)
            {
                await Task.Delay(wait - slack, cancellationToken);
            }
            else
            {
                cancellationToken.ThrowIfCancellationRequested();
                await Task.Yield();
            }
        }
    }
}
