using QuantBench.Engines;
using QuantBench.LlamaCpp;
using QuantBench.Synthetic;

namespace QuantBench.IntegrationTests.Throughput;

/// <summary>The tiny synthetic model (as F32), generated once and loaded into llama.cpp for every throughput test.</summary>
public sealed class TinyModelFixture : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "quantbench-batching-" + Guid.NewGuid().ToString("N"));

    public TinyModelFixture()
    {
        Directory.CreateDirectory(directory);
        string path = Path.Combine(directory, "tiny.gguf");
        SyntheticModelGenerator.Write(SyntheticModelPresets.Tiny, 42, path);
        Session = new LlamaCppBackend().Load(new ModelLoadOptions { ModelPath = path, Threads = 2, ContextSize = 256 }, CancellationToken.None);
    }

    public IModelSession Session { get; }

    public IBatchDecoderFactory Factory => (IBatchDecoderFactory)Session;

    public void Dispose()
    {
        Session.Dispose();
        Directory.Delete(directory, recursive: true);
    }
}
