using System.Collections.Immutable;
using System.Diagnostics;
using QuantBench.Memory;

namespace QuantBench.Launching;

/// <summary>
/// An inference server QuantBench started for one level: the rendered command runs under
/// <c>setsid bash -c</c>, so the server leads its own process group (and the terminal's Ctrl-C reaches
/// QuantBench alone, which then stops it); its output goes to a log file. Stop sends SIGTERM to the
/// group and to every process of the tree, then SIGKILL after the grace period.
/// </summary>
public sealed class LaunchedServer : IAsyncDisposable
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan KillWait = TimeSpan.FromSeconds(5);
    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly Lock _logGate = new();
    private readonly ServerLaunchOptions _options;
    private ServerStopResult? _stopped;

    private LaunchedServer(Process process, StreamWriter log, ServerLaunchOptions options, int port, string commandLine)
    {
        _process = process;
        _log = log;
        _options = options;
        Port = port;
        CommandLine = commandLine;
        BaseUri = new Uri($"http://127.0.0.1:{port}/");
    }

    /// <summary>The loopback port the server was told to use.</summary>
    public int Port { get; }

    /// <summary>http://127.0.0.1:port/.</summary>
    public Uri BaseUri { get; }

    /// <summary>The command line as run (placeholders filled).</summary>
    public string CommandLine { get; }

    /// <summary>The launched process, which leads the server's process group.</summary>
    public int ProcessId => _process.Id;

    /// <summary>The server's process group: the launched process's id, as setsid makes it a group leader.</summary>
    public int ProcessGroupId => _process.Id;

    /// <summary>Time from start to the first ready answer.</summary>
    public TimeSpan StartupTime { get; private set; }

    /// <summary>The file holding the server's standard output and error.</summary>
    public string LogPath => _options.LogPath;

    /// <summary>Whether the launched process has exited.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>
    /// Starts the server on a free loopback port and waits until <paramref name="probe"/> says it is ready.
    /// On failure (start, early exit, timeout) or cancellation it is stopped before this returns.
    /// </summary>
    /// <exception cref="ServerLaunchException">The server could not be made ready; carries its log tail.</exception>
    public static async Task<LaunchedServer> StartAsync(
        ServerCommandTemplate command,
        string? modelPath,
        ServerLaunchOptions options,
        IServerReadinessProbe probe,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(probe);
        var problems = command.Validate().Concat(options.Validate()).ToList();
        if (problems.Count > 0)
            throw new ArgumentException(string.Join(" ", problems));

        var port = LoopbackPort.FindFree();
        var commandLine = command.Render(modelPath, port);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(options.LogPath))!);
        var log = new StreamWriter(new FileStream(options.LogPath, FileMode.Create, FileAccess.Write, FileShare.ReadWrite)) { AutoFlush = true };
        var start = new ProcessStartInfo("setsid")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["bash", "-c", commandLine])
            start.ArgumentList.Add(argument);
        var process = new Process { StartInfo = start };
        var server = new LaunchedServer(process, log, options, port, commandLine);
        process.OutputDataReceived += (_, e) => server.AppendLog(e.Data);
        process.ErrorDataReceived += (_, e) => server.AppendLog(e.Data);

        var clock = Stopwatch.StartNew();
        try
        {
            process.Start();
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            process.Dispose();
            log.Dispose();
            throw new ServerLaunchException(ServerLaunchFailure.CouldNotStart, $"could not start the server through setsid and bash: {e.Message}", options.LogPath, []);
        }

        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await server.WaitUntilReadyAsync(probe, clock, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        server.StartupTime = clock.Elapsed;
        return server;
    }

    /// <summary>The last lines of the log, flushed first.</summary>
    public ImmutableArray<string> ReadLogTail()
    {
        lock (_logGate)
            _log.Flush();
        return LogTail.Read(LogPath, _options.LogTailLines);
    }

    /// <summary>The failure of a server that exited while it was being measured, with its log tail.</summary>
    public ServerLaunchException ExitedWhileServing() =>
        new(ServerLaunchFailure.ExitedWhileServing, $"the server exited with code {_process.ExitCode} while it was being measured (log: {LogPath})", LogPath, ReadLogTail());

    /// <summary>
    /// Stops the server: SIGTERM to its group and tree, SIGKILL to whatever is left after the grace period.
    /// Safe to call more than once; later calls return the first result.
    /// </summary>
    public async Task<ServerStopResult> StopAsync()
    {
        if (_stopped is not null)
            return _stopped;

        var exitedBefore = _process.HasExited;
        // Remember the whole tree now: a child that left the group is reparented away once its parent exits.
        var watched = ProcessTable.Read().TreeAndGroup(ProcessId).ToHashSet();
        var killed = false;
        if (Signal(watched, ProcessSignals.Terminate) && !await WaitUntilGoneAsync(watched, _options.StopGracePeriod).ConfigureAwait(false))
        {
            killed = true;
            Signal(watched, ProcessSignals.Kill);
            await WaitUntilGoneAsync(watched, KillWait).ConfigureAwait(false);
        }

        using (var wait = new CancellationTokenSource(KillWait))
        {
            try
            {
                // Also drains the redirected output, unless a survivor still holds the pipe.
                await _process.WaitForExitAsync(wait.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
        }

        var survivors = Alive(watched);
        _stopped = new ServerStopResult
        {
            ExitCode = _process.HasExited ? _process.ExitCode : null,
            Killed = killed,
            ExitedBeforeStop = exitedBefore,
            SurvivorProcessIds = survivors,
        };
        return _stopped;
    }

    /// <summary>Stops the server (if running) and closes its log.</summary>
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _process.Dispose();
        lock (_logGate)
            _log.Dispose();
    }

    private async Task WaitUntilReadyAsync(IServerReadinessProbe probe, Stopwatch clock, CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_process.HasExited)
            {
                await _process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
                throw new ServerLaunchException(
                    ServerLaunchFailure.ExitedBeforeReady,
                    $"the server exited with code {_process.ExitCode} before it was ready (log: {LogPath})",
                    LogPath,
                    ReadLogTail());
            }

            if (clock.Elapsed >= _options.ReadyTimeout)
            {
                await StopAsync().ConfigureAwait(false);
                throw new ServerLaunchException(
                    ServerLaunchFailure.NotReadyInTime,
                    $"the server was not ready within {_options.ReadyTimeout.TotalSeconds:0.#} s and was stopped (log: {LogPath})",
                    LogPath,
                    ReadLogTail());
            }

            using (var probeTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                probeTimeout.CancelAfter(ProbeTimeout);
                try
                {
                    if (await probe.IsReadyAsync(BaseUri, probeTimeout.Token).ConfigureAwait(false))
                        return;
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    // A probe that hangs counts as "not yet"; the ready timeout bounds the whole wait.
                }
            }

            await Task.Delay(_options.ProbeInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    private bool Signal(IReadOnlySet<int> processes, int signal)
    {
        var any = ProcessSignals.SignalGroup(ProcessGroupId, signal);
        foreach (var pid in Alive(processes))
            any |= ProcessSignals.SignalProcess(pid, signal);
        return any;
    }

    private ImmutableArray<int> Alive(IReadOnlySet<int> watched)
    {
        var table = ProcessTable.Read();
        return [.. table.GroupMembers(ProcessGroupId).Concat(table.TreeAndGroup(ProcessId)).Where(p => p != Environment.ProcessId)
            .Concat(watched.Where(table.Contains)).Distinct().Order()];
    }

    private async Task<bool> WaitUntilGoneAsync(IReadOnlySet<int> watched, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (Alive(watched).IsEmpty)
                return true;
            if (clock.Elapsed >= limit)
                return false;
            await Task.Delay(50).ConfigureAwait(false);
        }
    }

    private void AppendLog(string? line)
    {
        if (line is null)
            return;
        lock (_logGate)
        {
            try
            {
                _log.WriteLine(line);
            }
            catch (ObjectDisposedException)
            {
                // Output that arrives after the level was closed is dropped.
            }
        }
    }
}
