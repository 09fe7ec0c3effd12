using System.Collections.Immutable;
using QuantBench.Engines;
using QuantBench.Gguf;
using QuantBench.Models;
using QuantBench.Progress;
using QuantBench.Running;

namespace QuantBench.Preparation;

/// <summary>
/// Makes a ladder of quantization levels from one base model: plans every level with llama.cpp's rules before
/// quantizing any, quantizes the levels that can be made, and reads each file back to say what it holds.
/// </summary>
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

    /// <summary>Plans every level; throws <see cref="ModelInputException"/> when the file itself cannot be read.</summary>
    public static ImmutableArray<QuantizationPlan> Plan(string basePath, IReadOnlyList<QuantizationType> types, QuantizationOptions? options = null)
    {
        ModelInspector.Describe(basePath);
        var file = GgufReader.Read(basePath);
        return [.. types.Select(t => QuantizationPlanner.Plan(file, t, options))];
    }

    /// <summary>Throws <see cref="ModelInputException"/> with one line per level that cannot be made.</summary>
    public static void EnsureQuantizable(string basePath, IReadOnlyList<QuantizationType> types, QuantizationOptions? options = null)
    {
        var failures = Plan(basePath, types, options).Where(p => !p.CanQuantize).Select(p => p.Failure).ToArray();
        if (failures.Length > 0)
        {
            throw new ModelInputException($"{Path.GetFileName(basePath)}: {string.Join("; ", failures)}");
        }
    }

    /// <summary>
    /// Makes one planned level (the plan must be possible); an existing file is reused when <paramref name="reuseExisting"/>
    /// is set (the cache of generated models). The file is read back and compared with the plan.
    /// </summary>
    public QuantizedLevel Make(
        string basePath,
        string outputDirectory,
        QuantizationPlan plan,
        QuantizationOptions? options,
        int threads,
        bool reuseExisting,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.Failure is { } failure)
        {
            throw new ModelInputException($"{Path.GetFileName(basePath)}: {failure}");
        }

        Directory.CreateDirectory(outputDirectory);
        string path = PathFor(basePath, outputDirectory, plan.Level);
        if (!(reuseExisting && File.Exists(path)))
        {
            quantizer.Quantize(basePath, path, plan.Level, options ?? QuantizationOptions.None, threads, cancellationToken);
        }

        var output = GgufReader.Read(path);
        var mismatches = plan.Tensors
            .Select(t => (Planned: t, Made: output.FindTensor(t.Name)))
            .Where(p => p.Made is null || p.Made.Type != p.Planned.Final)
            .Select(p => $"{p.Planned.Name}: planned {p.Planned.Final}, made {p.Made?.Type.ToString() ?? "nothing"}")
            .ToImmutableArray();
        return new QuantizedLevel(plan.Level, path, LevelMixReader.From(output, plan), mismatches);
    }

    /// <summary>
    /// Quantizes the base to each type into <paramref name="outputDirectory"/>, after checking every level can be
    /// made; an existing file is reused when <paramref name="reuseExisting"/> is set. Returns the levels in order.
    /// </summary>
    public ImmutableArray<QuantizedLevel> Build(
        string basePath,
        string outputDirectory,
        IReadOnlyList<QuantizationType> types,
        int threads,
        bool reuseExisting,
        IProgress<BenchmarkProgress>? progress,
        CancellationToken cancellationToken,
        QuantizationOptions? options = null)
    {
        EnsureQuantizable(basePath, types, options);
        var plans = Plan(basePath, types, options);
        var levels = ImmutableArray.CreateBuilder<QuantizedLevel>(types.Count);
        foreach (var plan in plans)
        {
            cancellationToken.ThrowIfCancellationRequested();
            progress?.Report(new BenchmarkProgress(plan.Level.ToString(), BenchmarkPhase.Quantize, 0, 1));
            levels.Add(Make(basePath, outputDirectory, plan, options, threads, reuseExisting, cancellationToken));
            progress?.Report(new BenchmarkProgress(plan.Level.ToString(), BenchmarkPhase.Quantize, 1, 1));
        }

        return levels.MoveToImmutable();
    }
}
