using QuantBench.Engines;
using QuantBench.Models;
using QuantBench.Planning;
using QuantBench.Preparation;
using QuantBench.Synthetic;
using Spectre.Console;

namespace QuantBench.Cli.Commands;

/// <summary>
/// The embedded default's models, for <c>run</c> and <c>serve --launch</c> given no model: a synthetic llama model
/// of a preset (random weights from a seed) and its quantization ladder made by llama.cpp, cached between runs.
/// </summary>
internal static class EmbeddedLadder
{
    /// <summary>The ladder of the embedded default.</summary>
    internal const string DefaultTypes = "f16,q8_0,q6_k,q5_k_m,q4_k_m,q4_0,q3_k_m,q2_k";

    /// <summary>The models' source, after saying on the console what will be measured.</summary>
    internal static SyntheticModels Source(IAnsiConsole console, string presetName, int seed, string typeList, string? cache, IModelQuantizer quantizer)
    {
        var preset = SyntheticModelPresets.Find(presetName);
        var types = QuantizationTypes.ParseList(typeList);
        console.MarkupLineInterpolated($"No model given: measuring the embedded default, a synthetic [bold]{preset.Name}[/] llama model (random weights, seed {seed}) and {types.Length} quantization levels.");
        var ladder = new SyntheticLadder(quantizer, cache ?? SyntheticLadder.DefaultCacheDirectory);
        return new SyntheticModels(ladder, preset, seed, types);
    }
}
