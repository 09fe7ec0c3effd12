using System.Collections.Immutable;
using System.Globalization;
using QuantBench.Cli.Rendering;
using QuantBench.Launching;
using QuantBench.Machine;
using QuantBench.Memory;
using QuantBench.OpenAi;
using QuantBench.OpenAi.Launching;
using QuantBench.Progress;
using QuantBench.Results;
using QuantBench.Running;
using QuantBench.Serving;
using QuantBench.Settings;
using Spectre.Console;

namespace QuantBench.Cli.Commands;

/// <summary>
/// <c>serve --launch</c>: for each level (the models given, or the embedded default ladder), start its server,
/// sweep it with the same requests as every other level while its process tree's memory is watched, stop it.
/// A level whose server fails is reported with its log tail and the others go on; Ctrl-C or SIGTERM stops the
/// server and keeps the levels finished. Each level's results sit in its own folder beside its server log; the
/// top folder's results.json (<c>ladder</c>), report.md and report.html hold every level.
/// </summary>
internal sealed class ServeLaunchRunner(IAnsiConsole console)
{
    internal async Task<int> RunAsync(ServeSettings settings, CancellationToken cancellationToken)
    {
        var started = DateTimeOffset.UtcNow;
        string directory = settings.Output ?? Path.Combine("quantbench-results", "serve-" + started.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture));
        var template = new ServerCommandTemplate(settings.Launch!);
        var setup = new ServingSetup(settings);
        var notes = ImmutableArray.CreateBuilder<string>();
        var levels = new List<LevelServingSummary>();
        using var context = new LaunchContext(setup, settings, template, directory);
        bool interrupted = false;
        bool synthetic = false;
        ServingTarget? target = null;
        try
        {
            var models = await ModelsAsync(settings, template, cancellationToken);
            synthetic = models.Synthetic;
            notes.AddRange(models.Notes);
            Directory.CreateDirectory(directory);
            var names = new HashSet<string>();
            foreach (var (label, model) in models.Levels)
            {
                cancellationToken.ThrowIfCancellationRequested();
                string level = label;
                while (!names.Add(level))
                    level += "+";
                var summary = await MeasureLevelAsync(context, level, model, cancellationToken);
                levels.Add(summary);
                target ??= context.Target;
                interrupted = cancellationToken.IsCancellationRequested;
                if (interrupted)
                    break;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            interrupted = true;
        }

        if (interrupted)
            notes.Add($"Interrupted (Ctrl-C or SIGTERM) after {levels.Count} level(s): the levels below are those finished, the last one possibly cut short; its server was stopped.");
        var run = new RunResult
        {
            ToolVersion = typeof(ServeLaunchRunner).Assembly.GetName().Version?.ToString(3) ?? "0.0.0",
            StartedUtc = started,
            FinishedUtc = DateTimeOffset.UtcNow,
            Settings = new BenchmarkSettings(),
            Machine = MachineFingerprintReader.Read(),
            SyntheticWeights = synthetic,
            Notes = notes.ToImmutable(),
            Ladder = new ServingLadder
            {
                Command = settings.Launch!,
                Target = target ?? setup.Target([settings.Launch!], settings.Model, apiKeyGiven: false, PromptLengthSource.Estimate, tokenIds: false),
                Plan = setup.Plan,
                Levels = [.. levels],
                Interrupted = interrupted,
            },
        };
        Directory.CreateDirectory(directory);
        foreach (string failure in CliExporters.Serving.Export(run, directory))
            console.MarkupLineInterpolated($"[yellow]warning:[/] could not write {failure}");
        console.WriteLine(LadderMarkdown.Render(run));
        console.MarkupLineInterpolated($"Reports written to {Path.GetFullPath(directory)} (results.json, report.md, report.html; each level's own results and server.log in its folder)");
        if (interrupted)
        {
            console.MarkupLineInterpolated($"[yellow]Interrupted:[/] the results hold the {levels.Count} level(s) measured so far; every launched server was stopped.");
            return 130;
        }

        int failed = levels.Count(l => l.Failure is not null);
        if (failed > 0)
            console.MarkupLineInterpolated($"[red]{failed} of {levels.Count} levels failed[/]; their reasons and server log tails are in report.md.");
        return failed > 0 ? 1 : 0;
    }

    private async Task<LaunchModels> ModelsAsync(ServeSettings settings, ServerCommandTemplate template, CancellationToken cancellationToken)
    {
        if (!template.UsesModel)
            return new LaunchModels([("server", null)], false, []);
        if (settings.LaunchModels.Length > 0)
            return new LaunchModels([.. settings.LaunchModels.Select(m => (Path.GetFileNameWithoutExtension(m), (string?)Path.GetFullPath(m)))], false, []);

        var source = EmbeddedLadder.Source(console, settings.Preset, settings.Seed, settings.Types, settings.Cache, RunEnvironment.Local.Quantizer());
        var prepared = await ProgressView.RunAsync(console, "prepare", (progress, ct) => source.PrepareAsync(Math.Max(1, Environment.ProcessorCount), progress, ct), cancellationToken);
        return new LaunchModels([.. prepared.Models.Select(m => (m.Label, (string?)m.Path))], true, [source.SyntheticWeightsNote!]);
    }

    private async Task<LevelServingSummary> MeasureLevelAsync(LaunchContext context, string level, string? model, CancellationToken cancellationToken)
    {
        var levelStarted = DateTimeOffset.UtcNow;
        string levelDirectory = Path.Combine(context.Directory, level);
        Directory.CreateDirectory(levelDirectory);
        var options = new ServerLaunchOptions
        {
            LogPath = Path.Combine(levelDirectory, "server.log"),
            ReadyTimeout = TimeSpan.FromSeconds(context.Settings.ReadyTimeoutSeconds),
        };
        long? size = model is null ? null : new FileInfo(model).Length;
        var failed = new LevelServingSummary { Level = level, ModelPath = model, FileBytes = size, LogPath = options.LogPath };
        console.MarkupLineInterpolated($"[bold]{level}[/]: starting {context.Template.Render(model, 1).Replace("--port 1", "--port …", StringComparison.Ordinal)}");
        LaunchedServer server;
        try
        {
            server = await LaunchedServer.StartAsync(context.Template, model, options, context.Probe, cancellationToken);
        }
        catch (ServerLaunchException e)
        {
            console.MarkupLineInterpolated($"[red]{level} failed:[/] {e.Message}");
            return failed with { Failure = e.Message, LogTail = e.LogTail };
        }

        await using (server)
        {
            console.MarkupLineInterpolated($"{level}: ready on port {server.Port} after {server.StartupTime.TotalSeconds:0.00} s");
            // Made once, against the first server that answers: every level gets the same requests.
            ServingWorkload workload;
            try
            {
                workload = await context.WorkloadAsync(server.BaseUri, cancellationToken);
            }
            catch (Exception e) when (e is HttpRequestException or InvalidOperationException or IOException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                string why = $"the requests could not be made against the server ({e.Message})";
                console.MarkupLineInterpolated($"[red]{level} failed:[/] {why}");
                return failed with { StartupSeconds = server.StartupTime.TotalSeconds, Failure = why, LogTail = server.ReadLogTail() };
            }

            using var watch = new ServerMemoryWatch(server.ProcessId, context.Gpu);
            await Task.Delay(500, cancellationToken); // an idle stretch after load, before any request
            ServingSweepResult sweep;
            using (var client = new OpenAiServingClient(context.Setup.ClientOptions([server.BaseUri], null)))
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
                var counters = new OpenAiServerMetrics(context.Http, [server.BaseUri], null);
                sweep = await ServeCommand.RunSweepAsync(console, client, workload, context.Setup.Plan, counters, marks, cancellationToken);
            }

            var memory = watch.Stop();
            var measured = failed with
            {
                StartupSeconds = server.StartupTime.TotalSeconds,
                Memory = memory,
                Points = sweep.Points,
                StopReason = sweep.StopReason,
            };
            if (server.HasExited)
            {
                var crash = server.ExitedWhileServing();
                console.MarkupLineInterpolated($"[red]{level} failed:[/] {crash.Message}");
                return measured with { Failure = crash.Message, LogTail = crash.LogTail };
            }

            string? metrics = await OpenAiServerProbe.ReadMetricsAsync(context.Http, server.BaseUri, null, CancellationToken.None);
            var stop = await server.StopAsync();
            WriteLevelResults(context, levelStarted, levelDirectory, server, stop, sweep, metrics, model);
            return measured;
        }
    }

    private void WriteLevelResults(LaunchContext context, DateTimeOffset started, string levelDirectory, LaunchedServer server, ServerStopResult stop, ServingSweepResult sweep, string? metrics, string? model)
    {
        var serving = new ServingResult
        {
            Target = context.Setup.Target([server.CommandLine], context.Settings.Model ?? model, apiKeyGiven: false, context.Target!.PromptLengths, context.Target.PromptTokenIds),
            Plan = context.Setup.Plan,
            Points = sweep.Points,
            StopReason = sweep.StopReason,
            Notes = [$"Launched: {server.CommandLine}; ready after {server.StartupTime.TotalSeconds:0.00} s; stopped {(stop.Killed ? "by SIGKILL" : "by SIGTERM")}; log: server.log.", .. ServeCommand.Notes(sweep)],
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
    }

    private sealed record LaunchModels(ImmutableArray<(string Label, string? Path)> Levels, bool Synthetic, ImmutableArray<string> Notes);
}
