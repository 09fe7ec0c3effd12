using QuantBench.Launching;
using QuantBench.Memory;
using QuantBench.OpenAi;
using QuantBench.OpenAi.Launching;
using QuantBench.Serving;

namespace QuantBench.Cli.Commands;

/// <summary>
/// What every level of <c>serve --launch</c> shares: the settings, the command, the HTTP client for probes, the GPU
/// reader, and the requests, made once against the first server that became ready.
/// </summary>
internal sealed class LaunchContext(ServingSetup setup, ServeSettings settings, ServerCommandTemplate template, string directory) : IDisposable
{
    private ServingWorkload? _workload;

    internal ServingSetup Setup => setup;

    internal ServeSettings Settings => settings;

    internal ServerCommandTemplate Template => template;

    internal string Directory => directory;

    internal HttpClient Http { get; } = new(OpenAiServingClient.CreateHandler()) { Timeout = TimeSpan.FromSeconds(30) };

    internal GpuMemoryReader? Gpu { get; } = GpuMemoryReader.OpenNative();

    internal IServerReadinessProbe Probe => new HttpReadinessProbe(Http);

    /// <summary>The request shape shared by every level; null until the first server made the requests.</summary>
    internal ServingTarget? Target { get; private set; }

    /// <summary>The requests: made against <paramref name="server"/> the first time, the same ones afterwards.</summary>
    internal async Task<ServingWorkload> WorkloadAsync(Uri server, CancellationToken cancellationToken)
    {
        if (_workload is null)
        {
            var (workload, source) = await setup.BuildWorkloadAsync(Http, server, null, cancellationToken);
            _workload = workload;
            Target = setup.Target([settings.Launch!], settings.Model, apiKeyGiven: false, source, workload.SendTokenIds);
        }

        return _workload;
    }

    public void Dispose()
    {
        Http.Dispose();
        Gpu?.Dispose();
    }
}
