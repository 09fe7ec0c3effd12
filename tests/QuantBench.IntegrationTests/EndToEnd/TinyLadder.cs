using QuantBench.LlamaCpp;
using QuantBench.Models;
using QuantBench.Preparation;
using QuantBench.Synthetic;

namespace QuantBench.IntegrationTests.EndToEnd;

/// <summary>A tiny synthetic model and two of its quantizations, made once for the tests that need real files.</summary>
public sealed class TinyLadder : IDisposable
{
    public TinyLadder()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("quantbench-it-").FullName;
        BasePath = Path.Combine(Directory, "tiny-F32.gguf");
        SyntheticModelGenerator.Write(SyntheticModelPresets.Tiny, 42, BasePath);
        var levels = new LadderBuilder(new LlamaCppQuantizer()).Build(
            BasePath, Directory, [QuantizationType.Q8_0, QuantizationType.Q4_K_M], threads: 2, reuseExisting: false, progress: null, CancellationToken.None);
        Q8Path = levels[0].Path;
        Q4Path = levels[1].Path;
    }

    public string Directory { get; }

    public string BasePath { get; }

    public string Q8Path { get; }

    public string Q4Path { get; }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
