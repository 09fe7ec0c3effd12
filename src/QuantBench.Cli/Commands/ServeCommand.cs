using System.Collections.Immutable;
using System.Globalization;
using QuantBench.Cli.Rendering;
using QuantBench.Machine;
using QuantBench.OpenAi;
using QuantBench.Progress;
using QuantBench.Results;
using QuantBench.Running;
using QuantBench.Serving;
using QuantBench.Settings;
using Spectre.Console;
using Spectre.Console.Cli;

namespace QuantBench.Cli.Commands;

/// <summary>
/// <c>quantbench serve --url URL</c>: a load test of OpenAI-compatible servers (a concurrency or request-rate sweep),
/// written as results.json (serving section, raw samples), report.md and report.html.
/// </summary>
internal sealed class ServeCommand(IAnsiConsole console) : AsyncCommand<ServeSettings>
{
    internal const string ApiKeyVariable = "OPENAI_API_KEY";

    public override async Task<int> ExecuteAsync(CommandContext context, ServeSettings settings, CancellationToken cancellationToken)
    {
        if (settings.Launch is not null)
        {
            return await new ServeLaunchRunner(console).RunAsync(settings, cancellationToken);
        }

        string? apiKey = settings.ApiKey ?? NullIfEmpty(Environment.GetEnvironmentVariable(ApiKeyVariable));
        var urls = settings.Urls.Select(u => new Uri(u)).ToImmutableArray();
        var setup = new ServingSetup(settings);
        using var http = new HttpClient(OpenAiServingClient.CreateHandler()) { Timeout = TimeSpan.FromSeconds(30) };
        foreach (var url in urls)
        {
            if (await OpenAiServerProbe.UnreachableReasonAsync(http, url, cancellationToken) is { } reason)
            {
                throw new ServingUnreachableException(reason);
            }
        }

        var started = DateTimeOffset.UtcNow;
        var plan = setup.Plan;
        var (workload, lengthSource) = await setup.BuildWorkloadAsync(http, urls[0], apiKey, cancellationToken);

        using var client = new OpenAiServingClient(setup.ClientOptions(urls, apiKey));
        var counters = new OpenAiServerMetrics(http, urls, apiKey);
        var sweep = await RunSweepAsync(console, client, workload, plan, counters, null, cancellationToken);
        string? metrics = await OpenAiServerProbe.ReadMetricsAsync(http, urls[0], apiKey, CancellationToken.None);

        var serving = new ServingResult
        {
            Target = setup.Target(urls.Select(OpenAiClientOptions.Display), settings.Model, !string.IsNullOrEmpty(apiKey), lengthSource, workload.SendTokenIds),
            Plan = plan,
            Points = sweep.Points,
            StopReason = sweep.StopReason,
            Notes = [.. Notes(sweep)],
            ServerMetrics = metrics,
        };
        var run = new RunResult
        {
            ToolVersion = typeof(ServeCommand).Assembly.GetName().Version?.ToString(3) ?? "0.0.0",
            StartedUtc = started,
            FinishedUtc = DateTimeOffset.UtcNow,
            Settings = new BenchmarkSettings(),
            Machine = MachineFingerprintReader.Read(),
            Serving = serving,
        };

        string directory = settings.Output ?? Path.Combine("quantbench-results", "serve-" + started.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture));
        var failures = CliExporters.Serving.Export(run, directory);
        ResultsView.Render(console, run);
        foreach (string failure in failures)
        {
            console.MarkupLineInterpolated($"[yellow]warning:[/] could not write {failure}");
        }

        var errors = sweep.Points.Select(p => p.Metrics.Errors).ToArray();
        int failed = errors.Sum(e => e.Total);
        if (failed > 0)
        {
            var total = new ServingErrorCounts(errors.Sum(e => e.Refused), errors.Sum(e => e.Timeout), errors.Sum(e => e.HttpStatus), errors.Sum(e => e.MalformedStream), errors.Sum(e => e.CutStream));
            console.MarkupLineInterpolated($"[red]{failed} request(s) failed[/] ({total}); see report.md, \"Errors\".");
        }

        console.MarkupLineInterpolated($"Reports written to {Path.GetFullPath(directory)}");
        return failed > 0 || failures.Count > 0 ? 1 : cancellationToken.IsCancellationRequested ? 130 : 0;
    }

    /// <summary>The sweep, with a progress bar per point on an interactive console; <paramref name="observer"/> sees every report too.</summary>
    internal static async Task<ServingSweepResult> RunSweepAsync(IAnsiConsole console, IServingClient client, ServingWorkload workload, ServingSweepPlan plan,
        IServerMetricsSource counters, IProgress<ServingProgress>? observer, CancellationToken cancellationToken)
    {
        if (console.Profile.Capabilities.Interactive)
        {
            return await console.Progress().AutoClear(true).StartAsync(async progress =>
            {
                var tasks = new Dictionary<int, ProgressTask>();
                // Requests end on many threads at once.
                var reporter = new SynchronousProgress<ServingProgress>(p =>
                {
                    observer?.Report(p);
                    lock (tasks)
                    {
                        if (!tasks.TryGetValue(p.PointIndex, out var task))
                        {
                            task = tasks[p.PointIndex] = progress.AddTask(Markup.Escape(p.Load.Label), maxValue: p.Requests);
                        }

                        task.Description = Markup.Escape(p.WarmingUp ? $"{p.Load.Label} (warm-up)" : p.Load.Label);
                        task.MaxValue = p.Requests;
                        task.Value = p.Completed;
                    }
                });
                return await ServingSweep.RunAsync(client, workload, plan, reporter, cancellationToken, counters);
            });
        }

        return await ServingSweep.RunAsync(client, workload, plan, observer, cancellationToken, counters);
    }

    internal static IEnumerable<string> Notes(ServingSweepResult sweep)
    {
        int uncounted = sweep.Points.Sum(p => p.Metrics.WithoutTokenCounts);
        if (uncounted > 0)
        {
            yield return $"{uncounted} successful request(s) came with no token count from the server (neither usage nor timings): their tokens are left out of the token rates and TPOT, never estimated from chunks.";
        }

        if (sweep.Points.Any(p => p.Samples.Any(s => s.ServerPredictedPerTokenMs is not null)))
        {
            yield return "The server reported its own timings (llama-server): 'client - server ms/token' is the client's TPOT minus the server's predicted_per_token_ms, the transport's and queueing's share.";
        }

        if (sweep.Points.Any(p => p.Server is not null))
        {
            yield return "The server exposes Prometheus /metrics: each point records how much its counters grew over the point's measured requests (report.md, \"The server's view\").";
        }
        else if (sweep.Points.Length > 0)
        {
            yield return "The server has no Prometheus /metrics (llama-server needs --metrics): no server-side counters per point.";
        }
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
