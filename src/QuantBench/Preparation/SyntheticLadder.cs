using System.Collections.Immutable;
using System.Diagnostics;
using QuantBench.Engines;
using QuantBench.Models;
using QuantBench.Progress;
using QuantBench.Results;
using QuantBench.Running;
using QuantBench.Synthetic;

namespace QuantBench.Preparation;

/// <summary>
/// The embedded default's models: a synthetic base model and its quantization ladder, generated once and
/// cached under a key of preset, seed, generator format and quantizer build, so a second run reuses them.
/// </summary>
public sealed class SyntheticLadder(IModelQuantizer quantizer, string cacheDirectory)
{
    /// <summary><c>$XDG_CACHE_HOME/quantbench/models</c>, else <c>~/.cache/quantbench/models</c>.</summary>
    public static string DefaultCacheDirectory
    {
        get
        {
            string? xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
            string root = string.IsNullOrEmpty(xdg)
                ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache")
                : xdg;
            return Path.Combine(root, "quantbench", "models");
        }
    }

    public string DirectoryFor(SyntheticModelPreset preset, int seed) =>
        Path.Combine(cacheDirectory, $"{preset.Name}-seed{seed}-gen{SyntheticModelGenerator.FormatVersion}-{quantizer.Version}");

    public PreparedModels Prepare(
        SyntheticModelPreset preset,
        int seed,
        IReadOnlyList<QuantizationType> types,
        int threads,
        IProgress<BenchmarkProgress>? progress,
        CancellationToken cancellationToken)
    {
        string directory = DirectoryFor(preset, seed);
        Directory.CreateDirectory(directory);
        string basePath = Path.Combine(directory, $"{preset.Name}-F32.gguf");
        var phases = ImmutableArray.CreateBuilder<PhaseDuration>();

        var clock = Stopwatch.StartNew();
        bool cached = File.Exists(basePath);
        if (!cached)
        {
            // The generator writes through a temporary file, so a cached file is always whole.
            var generation = new SynchronousProgress<double>(f => progress?.Report(new BenchmarkProgress("F32", BenchmarkPhase.Generate, (int)(f * 100), 100)));
            SyntheticModelGenerator.Write(preset, (ulong)seed, basePath, generation, cancellationToken);
        }

        progress?.Report(new BenchmarkProgress("F32", BenchmarkPhase.Generate, 100, 100));
        phases.Add(new PhaseDuration(cached ? "generate (cached)" : "generate", clock.Elapsed.TotalSeconds));

        clock.Restart();
        var levels = types.Where(t => t != QuantizationType.F32).Distinct().ToArray();
        bool allCached = levels.All(t => File.Exists(LadderBuilder.PathFor(basePath, directory, t)));
        var made = new LadderBuilder(quantizer).Build(basePath, directory, levels, threads, reuseExisting: true, progress, cancellationToken);
        phases.Add(new PhaseDuration(allCached ? "quantize (cached)" : "quantize", clock.Elapsed.TotalSeconds));

        var models = ImmutableArray.CreateBuilder<ModelDescriptor>();
        models.Add(ModelInspector.Describe(basePath, "F32"));
        for (int i = 0; i < levels.Length; i++)
        {
            models.Add(ModelInspector.Describe(made[i].Path, levels[i].ToString()) with { LevelMix = made[i].Mix });
        }

        return new PreparedModels(models.ToImmutable(), phases.ToImmutable());
    }
}
