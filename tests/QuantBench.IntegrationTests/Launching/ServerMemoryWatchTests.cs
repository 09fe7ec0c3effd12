using QuantBench.Launching;
using QuantBench.Serving;
using QuantBench.Memory;
using QuantBench.OpenAi.Launching;

namespace QuantBench.IntegrationTests.Launching;

/// <summary>A server started through a wrapper script: the memory of the wrapper's child is what counts.</summary>
public sealed class ServerMemoryWatchTests : IDisposable
{
    private const long MiB = 1L << 20;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private readonly string _folder = Directory.CreateTempSubdirectory("quantbench-launch-memory-").FullName;

    [SkippableFact]
    public async Task The_memory_of_a_wrapper_scripts_child_is_counted_per_phase()
    {
        Skip.If(ScriptedServers.Python3 is null, "python3 is not on PATH");
        var script = ScriptedServers.WriteHealthServer();
        // bash stays the parent (no exec): the child holding 200 MiB is not the launched process.
        var command = new ServerCommandTemplate($"python3 {script} {{port}} 200 & wait");
        var options = new ServerLaunchOptions { LogPath = Path.Combine(_folder, "server.log"), ReadyTimeout = TimeSpan.FromSeconds(30) };
        await using var server = await LaunchedServer.StartAsync(command, null, options, new HttpReadinessProbe(_http), CancellationToken.None);

        ServerMemoryResult memory;
        using (var watch = new ServerMemoryWatch(server.ProcessId, gpu: null))
        {
            await Task.Delay(300);
            watch.MarkPhase("c=1");
            for (var i = 0; i < 5; i++)
            {
                using var response = await _http.GetAsync(new Uri(server.BaseUri, "v1/models"));
            }
            await Task.Delay(300);
            memory = watch.Stop();
        }

        var wrapperAlone = ProcessMemoryReader.Read(server.ProcessId)!.ResidentBytes;
        Assert.True(wrapperAlone < 64 * MiB, $"the bash wrapper alone holds {wrapperAlone / MiB} MiB");
        Assert.True(memory.ProcessCount >= 2, $"{memory.ProcessCount} processes in the tree");
        Assert.True(memory.IdleResidentBytes >= 200 * MiB, $"idle {memory.IdleResidentBytes / MiB} MiB");
        Assert.True(memory.PeakAnonymousBytes >= 200 * MiB, $"anonymous {memory.PeakAnonymousBytes / MiB} MiB");
        Assert.True(memory.PeakResidentBytes >= memory.IdleResidentBytes);
        Assert.Equal(["idle", "c=1"], memory.Phases.Select(p => p.Phase));
        Assert.All(memory.Phases, p => Assert.True(p.SampleCount > 10, $"{p.Phase}: {p.SampleCount} readings"));
        Assert.False(memory.Gpu.Available);
        Assert.Equal("no GPU", memory.Gpu.UnavailableReason);
    }

    public void Dispose()
    {
        _http.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
