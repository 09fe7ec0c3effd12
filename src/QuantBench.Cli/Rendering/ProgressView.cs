using QuantBench.Progress;
using QuantBench.Running;
using Spectre.Console;

namespace QuantBench.Cli.Rendering;

/// <summary>A live progress view: one bar per model and phase, fed by <see cref="BenchmarkProgress"/> reports.</summary>
internal static class ProgressView
{
    internal static async Task<T> RunAsync<T>(
        IAnsiConsole console,
        string stage,
        Func<IProgress<BenchmarkProgress>, CancellationToken, Task<T>> work,
        CancellationToken cancellationToken)
    {
        return await console.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var tasks = new Dictionary<string, ProgressTask>();
                var progress = new SynchronousProgress<BenchmarkProgress>(update =>
                {
                    lock (tasks)
                    {
                        string key = $"{update.Model} {update.Phase.Name()}";
                        if (!tasks.TryGetValue(key, out var task))
                        {
                            task = context.AddTask(Markup.Escape($"{stage}: {update.Model} {update.Phase.Name()}"), maxValue: Math.Max(1, update.Total));
                            tasks[key] = task;
                        }

                        task.MaxValue = Math.Max(1, update.Total);
                        task.Value = update.Done;
                    }
                });

                try
                {
                    return await work(progress, cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    lock (tasks)
                    {
                        foreach (var task in tasks.Values)
                        {
                            task.StopTask();
                        }
                    }
                }
            }).ConfigureAwait(false);
    }
}
