using System.Collections.Immutable;
using System.Security.Cryptography;
using QuantBench.LlamaCpp;
using QuantBench.Models;
using QuantBench.Preparation;
using QuantBench.Synthetic;

namespace QuantBench.Testing;

/// <summary>
/// The reference models, made once per test process exactly as tools/make-reference-fixture.sh made them
/// (the synthetic generator from the fixture's preset and seed, then llama.cpp's bundled quantizer), in a
/// temporary folder deleted when the process ends. Nothing is read from outside the checkout.
/// </summary>
internal sealed class ReferenceModels
{
    private static readonly Lazy<ReferenceModels> Instance = new(Make, LazyThreadSafetyMode.ExecutionAndPublication);

    private ReferenceModels(string directory, ImmutableArray<string> mismatches, TimeSpan elapsed)
    {
        Directory = directory;
        Mismatches = mismatches;
        Elapsed = elapsed;
    }

    /// <summary>The models, generated on first use.</summary>
    public static ReferenceModels Get() => Instance.Value;

    /// <summary>The path of a pinned file, e.g. <c>tiny-Q4_0.gguf</c>.</summary>
    public static string Path(string fileName)
    {
        var models = Get();
        if (!ReferenceData.Fixture.Models.Any(m => m.File == fileName))
        {
            throw new ArgumentException($"{fileName} is not one of the reference models in {ReferenceData.FixturePath}", nameof(fileName));
        }

        return System.IO.Path.Combine(models.Directory, fileName);
    }

    public string Directory { get; }

    /// <summary>One line per generated file whose size or SHA-256 differs from its pin; empty when all match.</summary>
    public ImmutableArray<string> Mismatches { get; }

    public TimeSpan Elapsed { get; }

    /// <summary>
    /// Skips a test whose expected figures hold only for the pinned files: a generator or quantizer change fails
    /// the one pin test, not every figure.
    /// </summary>
    public static void SkipUnlessPinned()
    {
        var models = Get();
        if (!models.Mismatches.IsEmpty)
        {
            Xunit.Skip.If(true, "the generated reference models differ from the SHA-256 pins in tests/data/reference/reference.json " +
                $"(the pin test fails; rerun tools/make-reference-fixture.sh): {models.Mismatches[0]}");
        }
    }

    private static ReferenceModels Make()
    {
        var fixture = ReferenceData.Fixture;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        string directory = System.IO.Directory.CreateTempSubdirectory("quantbench-reference-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => TryDelete(directory);

        var basePin = fixture.Models.Single(m => m.Type == "F32");
        string basePath = System.IO.Path.Combine(directory, basePin.File);
        SyntheticModelGenerator.Write(SyntheticModelPresets.Find(fixture.Preset), (ulong)fixture.Seed, basePath);
        var quantized = fixture.Models.Where(m => m.Type != "F32").ToArray();
        var levels = new LadderBuilder(new LlamaCppQuantizer()).Build(
            basePath, directory, [.. quantized.Select(m => Enum.Parse<QuantizationType>(m.Type))], threads: 2,
            reuseExisting: false, progress: null, CancellationToken.None);
        for (int i = 0; i < quantized.Length; i++)
        {
            string expected = System.IO.Path.Combine(directory, quantized[i].File);
            if (levels[i].Path != expected)
            {
                File.Move(levels[i].Path, expected);
            }
        }

        var mismatches = ImmutableArray.CreateBuilder<string>();
        foreach (var pin in fixture.Models)
        {
            string path = System.IO.Path.Combine(directory, pin.File);
            long bytes = new FileInfo(path).Length;
            string sha256 = Sha256(path);
            if (bytes != pin.Bytes || sha256 != pin.Sha256)
            {
                mismatches.Add($"{pin.File}: {bytes} bytes, SHA-256 {sha256}; pinned {pin.Bytes} bytes, {pin.Sha256} (made by {fixture.Quantizer})");
            }
        }

        return new ReferenceModels(directory, mismatches.ToImmutable(), clock.Elapsed);
    }

    private static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    private static void TryDelete(string directory)
    {
        try
        {
            System.IO.Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort at exit: a leftover temporary folder is harmless.
        }
    }
}
