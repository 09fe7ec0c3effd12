using System.Collections.Immutable;
using QuantBench.Engines;
using QuantBench.Gguf;
using QuantBench.Models;
using QuantBench.Progress;
using QuantBench.Running;

namespace QuantBench.Preparation;

/// <summary>Makes a ladder of quantization levels from one base model, checking every level before quantizing any.</summary>
public sealed class LadderBuilder(IModelQuantizer quantizer)
{
    /// <summary>The file a level is written to: <c>DIR/&lt;base name&gt;-&lt;TYPE&gt;.gguf</c>.</summary>
    public static string PathFor(string basePath, string outputDirectory, QuantizationType type)
    {
        string name = Path.GetFileNameWithoutExtension(basePath);
        foreach (string suffix in new[] { "-F32", "-f32", "-F16", "-f16", "-BF16", "-bf16" })
        {
            if (name.EndsWith(suffix, StringComparison.Ordinal))
            {
                name = name[..^suffix.Length];
                break;
            }
        }

        return Path.Combine(outputDirectory, $"{name}-{type}.gguf");
    }

    /// <summary>Throws <see cref="ModelInputException"/> listing every problem when any level cannot be made.</summary>
    public static void EnsureQuantizable(string basePath, IReadOnlyList<QuantizationType> types)
    {
        ModelInspector.Describe(basePath);
        var file = GgufReader.Read(basePath);
        var problems = types.SelectMany(t => QuantizationPlanner.Check(file, t).Select(p => $"{t}: {p}")).Distinct().ToArray();
        if (problems.Length > 0)
        {
            throw new ModelInputException($"{basePath}: cannot quantize: {string.Join("; ", problems)}");
        }
    }

    /// <summary>
    /// Quantizes the base to each type into <paramref name="outputDirectory"/>; an existing file is reused
    /// when <paramref name="reuseExisting"/> is set (the cache of generated models). Returns the paths in order.
    /// </summary>
    public ImmutableArray<string> Build(
        string basePath,
        string outputDirectory,
        IReadOnlyList<QuantizationType> types,
        int threads,
        bool reuseExisting,
        IProgress<BenchmarkProgress>? progress,
        CancellationToken cancellationToken)
    {
        EnsureQuantizable(basePath, types);
        Directory.CreateDirectory(outputDirectory);
        var paths = ImmutableArray.CreateBuilder<string>(types.Count);
        for (int i = 0; i < types.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            string path = PathFor(basePath, outputDirectory, types[i]);
            progress?.Report(new BenchmarkProgress(types[i].ToString(), BenchmarkPhase.Quantize, 0, 1));
            if (!(reuseExisting && File.Exists(path)))
            {
                quantizer.Quantize(basePath, path, types[i], threads, cancellationToken);
            }

            progress?.Report(new BenchmarkProgress(types[i].ToString(), BenchmarkPhase.Quantize, 1, 1));
            paths.Add(path);
        }

        return paths.MoveToImmutable();
    }
}
