using System.Collections.Immutable;
using System.Globalization;
using QuantBench.Launching;
using QuantBench.Machine;
using QuantBench.Memory;
using QuantBench.OpenAi;
using QuantBench.OpenAi.Launching;
using QuantBench.Progress;
using QuantBench.Results;
using QuantBench.Running;
using QuantBench.Serving;
using Spectre.Console;

namespace QuantBench.Cli.Commands;

/// <summary>
/// <c>serve --launch</c>: for each level, start its server, sweep it with the same prompts as every other
/// level while its process tree's memory is watched, stop it; a level whose server fails is reported with
/// its log tail and the others go on. Each level's results sit in its own folder beside its server log;
/// ladder.md holds the per-level table.
/// </summary>
internal sealed class ServeLaunchRunner(IAnsiConsole console)
{
    internal async Task<int> RunAsync(ServeSettings settings, CancellationToken cancellationToken)
    {
        var started = DateTimeOffset.UtcNow;
        string directory = settings.Output ?? Path.Combine("quantbench-results", "serve-" + started.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture));
        Directory.CreateDirectory(directory);
        var template = new ServerCommandTemplate(settings.Launch!);
        string?[] models = template.UsesModel ? [.. settings.LaunchModels.Select(Path.GetFullPath)] : [null];
        var api = Enum.Parse<ServingApi>(settings.Api, ignoreCase: true);
        var plan = new ServingSweepPlan
        {
            Loads = [.. settings.Loads()],
            RequestsPerPoint = settings.Requests,
            WarmupRequests = settings.Warmup,
            MaxPointDuration = TimeSpan.FromSeconds(settings.MaxPointSeconds),
            Seed = settings.Seed,
            Objective = ServiceLevelObjective.Parse(settings.Slo),
            Stop = new ServingStopRule(MaxErrorRate: settings.MaxErrorRatePercent / 100, StopWhenFlat: !settings.NoEarlyStop),
            ClientCpuWarningShare = settings.ClientCpuWarnPercent / 100,
        };
        var lengths = PromptLengthRange.Parse(settings.PromptTokens);
        string? corpus = settings.Text is null ? null : await File.ReadAllTextAsync(settings.Text, cancellationToken);
        using var http = new HttpClient(OpenAiServingClient.CreateHandler()) { Timeout = TimeSpan.FromSeconds(30) };
        using var gpu = GpuMemoryReader.OpenNative();
        var probe = new HttpReadinessProbe(http);
        ServingWorkload? workload = null;
        PromptLengthSource lengthSource = default;
        var levels = new List<LevelServingSummary>();
        var names = new HashSet<string>();

        foreach (var model in models)
        {
            string level = model is null ? "server" : Path.GetFileNameWithoutExtension(model);
            while (!names.Add(level))
                level += "+";
            string levelDirectory = Path.Combine(directory, level);
            Directory.CreateDirectory(levelDirectory);
            var options = new ServerLaunchOptions
            {
                LogPath = Path.Combine(levelDirectory, "server.log"),
                ReadyTimeout = TimeSpan.FromSeconds(settings.ReadyTimeoutSeconds),
            };
            long? size = model is null ? null : new FileInfo(model).Length;
            console.MarkupLineInterpolated($"[bold]{level}[/]: starting {template.Render(model, 1).Replace("--port 1", "--port …", StringComparison.Ordinal)}");
            LaunchedServer server;
            try
            {
                server = await LaunchedServer.StartAsync(template, model, options, probe, cancellationToken);
            }
            catch (ServerLaunchException e)
            {
                levels.Add(Failed(level, size, e));
                console.MarkupLineInterpolated($"[red]{level} failed:[/] {e.Message}");
                continue;
            }

            await using (server)
            {
                console.MarkupLineInterpolated($"{level}: ready on port {server.Port} after {server.StartupTime.TotalSeconds:0.00} s");
                if (workload is null)
                {
                    // Made once, against the first server that answers: every level gets the same requests.
                    var tokenizer = new OpenAiServerTokenizer(http, server.BaseUri, settings.Model, null);
                    var (prompts, source) = await ServingPromptBuilder.BuildAsync(tokenizer, corpus, lengths, settings.Requests, settings.Seed, cancellationToken);
                    workload = new ServingWorkload(prompts, settings.GenTokens);
                    lengthSource = source;
                }

                using var watch = new ServerMemoryWatch(server.ProcessId, gpu);
                await Task.Delay(500, cancellationToken); // an idle stretch after load, before any request
                var client = new OpenAiServingClient(new OpenAiClientOptions
                {
                    Urls = [server.BaseUri],
                    Api = api,
                    Model = settings.Model,
                    RequestTimeout = TimeSpan.FromSeconds(settings.RequestTimeoutSeconds),
                    IgnoreEos = !settings.NoIgnoreEos,
                    KeepAlive = settings.KeepAlive,
                });
                ServingSweepResult sweep;
                using (client)
                {
                    int phase = -1;
                    var marks = new SynchronousProgress<ServingProgress>(p =>
                    {
                        lock (watch)
                        {
                            if (p.PointIndex > phase)
                            {
                                phase = p.PointIndex;
                                watch.MarkPhase(p.Load.Label);
                            }
                        }
                    });
                    sweep = await ServingSweep.RunAsync(client, workload, plan, marks, cancellationToken);
                }

                var memory = watch.Stop();
                if (server.HasExited)
                {
                    var crash = server.ExitedWhileServing();
                    levels.Add(Failed(level, size, crash) with { Memory = memory, Points = sweep.Points, StartupSeconds = server.StartupTime.TotalSeconds });
                    console.MarkupLineInterpolated($"[red]{level} failed:[/] {crash.Message}");
                    continue;
                }

                string? metrics = await OpenAiServerProbe.ReadMetricsAsync(http, server.BaseUri, null, CancellationToken.None);
                var stop = await server.StopAsync();
                var serving = new ServingResult
                {
                    Target = new ServingTarget
                    {
                        Urls = [server.CommandLine],
                        Api = api,
                        Model = settings.Model ?? model,
                        PromptTokens = lengths.ToString(),
                        PromptLengths = lengthSource,
                        OutputTokens = settings.GenTokens,
                        KeepAlive = settings.KeepAlive,
                        TextFile = settings.Text is null ? null : Path.GetFullPath(settings.Text),
                    },
                    Plan = plan,
                    Points = sweep.Points,
                    StopReason = sweep.StopReason,
                    Notes = [$"Launched: {server.CommandLine}; ready after {server.StartupTime.TotalSeconds:0.00} s; stopped {(stop.Killed ? "by SIGKILL" : "by SIGTERM")}; log: server.log."],
                    ServerMetrics = metrics,
                };
                var run = new RunResult
                {
                    ToolVersion = typeof(ServeLaunchRunner).Assembly.GetName().Version?.ToString(3) ?? "0.0.0",
                    StartedUtc = started,
                    FinishedUtc = DateTimeOffset.UtcNow,
                    Settings = new BenchmarkSettings(),
                    Machine = MachineFingerprintReader.Read(),
                    Serving = serving,
                };
                foreach (string failure in CliExporters.Serving.Export(run, levelDirectory))
                    console.MarkupLineInterpolated($"[yellow]warning:[/] could not write {failure}");
                levels.Add(new LevelServingSummary
                {
                    Level = level,
                    FileBytes = size,
                    StartupSeconds = server.StartupTime.TotalSeconds,
                    Memory = memory,
                    Points = sweep.Points,
                    LogPath = server.LogPath,
                });
            }
        }

        string table = LadderMarkdown.Render(levels, settings.Slo);
        await File.WriteAllTextAsync(Path.Combine(directory, "ladder.md"), table, CancellationToken.None);
        console.WriteLine(table);
        console.MarkupLineInterpolated($"Reports written to {Path.GetFullPath(directory)}");
        return levels.Any(l => l.Failure is not null) ? 1 : cancellationToken.IsCancellationRequested ? 130 : 0;
    }

    private static LevelServingSummary Failed(string level, long? size, ServerLaunchException e) => new()
    {
        Level = level,
        FileBytes = size,
        Failure = e.Message,
        LogTail = e.LogTail,
        LogPath = e.LogPath,
    };
}
