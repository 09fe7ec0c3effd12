using System.Diagnostics;
using QuantBench.Launching;
using QuantBench.Memory;
using QuantBench.OpenAi.Launching;

namespace QuantBench.IntegrationTests.Launching;

/// <summary>Real processes under the launcher: early exits, hangs, wrappers and stops leave nothing behind.</summary>
public sealed class LaunchedServerTests : IDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private readonly string _folder = Directory.CreateTempSubdirectory("quantbench-launch-").FullName;

    private ServerLaunchOptions Options(string name, double readySeconds = 20) => new()
    {
        LogPath = Path.Combine(_folder, name + ".log"),
        ReadyTimeout = TimeSpan.FromSeconds(readySeconds),
        StopGracePeriod = TimeSpan.FromSeconds(2),
    };

    [Fact]
    public async Task A_server_that_exits_at_once_fails_with_its_exit_code_and_log_tail()
    {
        var command = new ServerCommandTemplate("echo 'loading {model}'; echo 'error: cannot bind port {port}' >&2; exit 3");
        var error = await Assert.ThrowsAsync<ServerLaunchException>(() =>
            LaunchedServer.StartAsync(command, "/models/small Q4_0.gguf", Options("exit"), new HttpReadinessProbe(_http), CancellationToken.None));

        Assert.Equal(ServerLaunchFailure.ExitedBeforeReady, error.Failure);
        Assert.Contains("exited with code 3", error.Message);
        Assert.Contains("loading /models/small Q4_0.gguf", error.LogTail);
        Assert.Contains(error.LogTail, line => line.StartsWith("error: cannot bind port ", StringComparison.Ordinal));
        Assert.True(File.Exists(error.LogPath));
    }

    [Fact]
    public async Task A_server_that_never_becomes_ready_times_out_is_stopped_and_leaves_no_process()
    {
        var command = new ServerCommandTemplate("echo 'pretending to load on {port}'; sleep 37 & sleep 37; wait");
        var clock = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<ServerLaunchException>(() =>
            LaunchedServer.StartAsync(command, null, Options("hang", readySeconds: 1.5), new HttpReadinessProbe(_http), CancellationToken.None));

        Assert.Equal(ServerLaunchFailure.NotReadyInTime, error.Failure);
        Assert.Contains("not ready within 1.5 s", error.Message);
        Assert.Contains(error.LogTail, line => line.StartsWith("pretending to load on ", StringComparison.Ordinal));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"took {clock.Elapsed}");
        Assert.Empty(ProcessesRunning("sleep 37"));
    }

    [SkippableFact]
    public async Task A_ready_wrapper_is_reached_timed_and_its_whole_group_stopped()
    {
        Skip.If(ScriptedServers.Python3 is null, "python3 is not on PATH");
        var script = ScriptedServers.WriteHealthServer();
        // A wrapper that keeps a second child and ignores SIGTERM itself: only SIGKILL ends it.
        var command = new ServerCommandTemplate($"trap '' TERM; sleep 40 & python3 {script} {{port}} 1 & wait");
        await using var server = await LaunchedServer.StartAsync(command, null, Options("ready"), new HttpReadinessProbe(_http), CancellationToken.None);

        Assert.True(server.StartupTime > TimeSpan.Zero);
        using (var health = await _http.GetAsync(new Uri(server.BaseUri, "health")))
            Assert.Equal(System.Net.HttpStatusCode.OK, health.StatusCode);
        var group = server.ProcessGroupId;
        Assert.True(ProcessTable.Read().GroupMembers(group).Length >= 3, "bash, sleep and python3 share the server's group");

        var stop = await server.StopAsync();

        Assert.True(stop.Killed, "the wrapper ignores SIGTERM, so SIGKILL was needed");
        Assert.Empty(stop.SurvivorProcessIds);
        Assert.Empty(ProcessTable.Read().GroupMembers(group));
        Assert.Contains(server.ReadLogTail(), line => line.StartsWith("listening on ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Cancelling_while_waiting_stops_the_server_and_leaves_no_process()
    {
        var command = new ServerCommandTemplate("echo 'port {port}'; exec sleep 31");
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            LaunchedServer.StartAsync(command, null, Options("cancel"), new HttpReadinessProbe(_http), cancel.Token));

        Assert.Empty(ProcessesRunning("sleep 31"));
    }

    public void Dispose()
    {
        _http.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private static List<int> ProcessesRunning(string commandLine)
    {
        var found = new List<int>();
        foreach (var pid in Directory.GetDirectories("/proc").Where(d => char.IsAsciiDigit(Path.GetFileName(d)[0])))
        {
            try
            {
                var cmd = File.ReadAllText(Path.Combine(pid, "cmdline")).Replace('\0', ' ').Trim();
                var stat = File.ReadAllText(Path.Combine(pid, "stat"));
                if (cmd == commandLine && ProcessStatLine.TryParse(stat) is { IsZombie: false })
                    found.Add(int.Parse(Path.GetFileName(pid), System.Globalization.CultureInfo.InvariantCulture));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
            }
        }
        return found;
    }
}
