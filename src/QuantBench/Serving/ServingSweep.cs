using System.Collections.Immutable;

namespace QuantBench.Serving;

/// <summary>
/// Runs a sweep's points in order against one target (one server, or several behind <see cref="IServingClient"/>)
/// and stops early by the plan's rule. A launcher that starts a server per quantization level calls this once per level.
/// With <c>serverMetrics</c>, each point also records the server's own counters over it.
/// </summary>
public static class ServingSweep
{
    public static async Task<ServingSweepResult> RunAsync(IServingClient client, ServingWorkload workload, ServingSweepPlan plan,
        IProgress<ServingProgress>? progress, CancellationToken cancellationToken, IServerMetricsSource? serverMetrics = null)
    {
        var runner = new ServingPointRunner(client, workload, plan, serverMetrics);
        var points = new List<ServingPoint>();
        string? stopReason = null;
        for (int i = 0; i < plan.Loads.Length; i++)
        {
            try
            {
                points.Add(await runner.RunAsync(plan.Loads[i], i, progress, cancellationToken));
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                stopReason = $"interrupted during {plan.Loads[i].Label}; the points before it are kept";
                break;
            }

            stopReason = plan.Stop.Check(points);
            if (stopReason is not null)
            {
                break;
            }
        }

        return new ServingSweepResult([.. points], stopReason);
    }
}
