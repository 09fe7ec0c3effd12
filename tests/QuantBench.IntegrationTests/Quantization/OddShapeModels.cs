using QuantBench.Synthetic;

namespace QuantBench.IntegrationTests.Quantization;

/// <summary>The odd-shape synthetic models (odd576, odd96, odd64, seed 42), generated once at test time into a temporary folder.</summary>
public sealed class OddShapeModels : IDisposable
{
    public OddShapeModels()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("quantbench-odd-").FullName;
        foreach (var preset in SyntheticModelPresets.OddShapes)
        {
            SyntheticModelGenerator.Write(preset, 42, BasePath(preset.Name));
        }
    }

    public string Directory { get; }

    public string BasePath(string preset) => Path.Combine(Directory, $"{preset}-F32.gguf");

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
