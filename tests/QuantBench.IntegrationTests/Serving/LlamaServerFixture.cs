using QuantBench.Launching;
using QuantBench.OpenAi.Launching;
using QuantBench.Synthetic;

namespace QuantBench.IntegrationTests.Serving;

/// <summary>
/// The small synthetic model quantized to Q4_0, both made at test time (synth, then the quantize command), served by
/// llama-server on loopback with 4 slots and one thread. (The tiny model's random output almost always ends in a byte
/// token that llama-server b10361 rejects with an in-stream 500; small's does so for about one request in four.)
/// Started once for the serving tests; absent (with <see cref="SkipReason"/>) when llama-server is.
/// </summary>
public sealed class LlamaServerFixture : IAsyncLifetime
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "quantbench-serving-" + Guid.NewGuid().ToString("N"));
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(5) };

    public LaunchedServer? Server { get; private set; }

    public string ModelPath => Path.Combine(directory, "small-Q4_0.gguf");

    public string? SkipReason => LlamaServerBinary.Path is null ? LlamaServerBinary.SkipReason : null;

    public async Task InitializeAsync()
    {
        if (LlamaServerBinary.Path is null)
        {
            return;
        }

        Directory.CreateDirectory(directory);
        string f32 = Path.Combine(directory, "small.gguf");
        SyntheticModelGenerator.Write(SyntheticModelPresets.Small, 42, f32);
        int exit = await QuantBench.Cli.QuantBenchApp.Create(new Spectre.Console.Testing.TestConsole()).RunAsync(["quantize", f32, "--types", "q4_0", "-o", directory]);
        if (exit != 0 || !File.Exists(ModelPath))
        {
            throw new InvalidOperationException($"quantize exited with {exit} and made no {ModelPath}");
        }

        File.Delete(f32);
        Server = await StartAsync(parallel: 4);
    }

    /// <summary>Another server on the same model (for tests that kill theirs).</summary>
    public Task<LaunchedServer> StartAsync(int parallel) => LaunchedServer.StartAsync(
        new ServerCommandTemplate($"'{LlamaServerBinary.Path}' -m {{model}} --host 127.0.0.1 --port {{port}} --parallel {parallel} -c {parallel * 256} -t 1 --metrics --no-webui"),
        ModelPath,
        new ServerLaunchOptions { LogPath = Path.Combine(directory, $"server-{Guid.NewGuid():N}.log"), ReadyTimeout = TimeSpan.FromMinutes(2) },
        new HttpReadinessProbe(http),
        CancellationToken.None);

    public async Task DisposeAsync()
    {
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }

        http.Dispose();
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
