using System.Collections.Immutable;
using QuantBench.Gguf;
using QuantBench.Models;
using QuantBench.Results;

namespace QuantBench.Preparation;

/// <summary>Reads what a quantized file really holds (its <see cref="LevelMix"/>) against llama.cpp's plan for its level.</summary>
public static class LevelMixReader
{
    /// <summary>
    /// The mix of a file made at <paramref name="plan"/>'s level; the plan says which weights are quantized and
    /// which fell back. Fallbacks count only when every weight has the plan's type.
    /// </summary>
    public static LevelMix From(GgufFile output, QuantizationPlan plan)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(plan);
        var family = QuantizationTypes.FamilyOf(plan.Level);
        var weights = plan.Tensors.Where(t => t.Quantized).ToArray();
        var actual = weights.Select(w => output.FindTensor(w.Name)).Where(t => t is not null).Select(t => t!).ToArray();
        long parameters = actual.Sum(t => t.ElementCount);
        long inFamily = actual.Where(t => family.Contains(t.Type)).Sum(t => t.ElementCount);
        bool asPlanned = actual.Length == weights.Length && weights.All(w => output.FindTensor(w.Name)!.Type == w.Final);
        var fallbacks = weights.Where(w => w.FellBack).ToArray();
        return new LevelMix
        {
            Level = plan.Level.ToString(),
            Family = family.Name,
            FamilyShare = parameters == 0 ? 0 : (double)inFamily / parameters,
            WeightCount = weights.Length,
            FallbackCount = asPlanned ? fallbacks.Length : null,
            Fallbacks = asPlanned
                ? [.. fallbacks.GroupBy(w => (w.Intended, w.Final)).OrderByDescending(g => g.Count()).Select(g => $"{g.Key.Intended}->{g.Key.Final}: {g.Count()}")]
                : [],
            Types = [.. actual.GroupBy(t => t.Type).Select(g => (Type: g.Key, Parameters: g.Sum(t => t.ElementCount)))
                .OrderByDescending(g => g.Parameters).ThenBy(g => g.Type)
                .Select(g => $"{g.Type} {LevelMix.Percent(parameters == 0 ? 0 : (double)g.Parameters / parameters)}")],
        };
    }

    /// <summary>
    /// The mix of any quantized file, its level read from <c>general.file_type</c> and planned on its own shapes
    /// with llama-quantize's default options; null for F32 files or unknown file types.
    /// </summary>
    public static LevelMix? From(GgufFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        long? fileType = file.Metadata.GetInt64OrNull(GgufKeys.FileType);
        if (fileType is not { } id || id is <= 0 or > int.MaxValue || !Enum.IsDefined((QuantizationType)(int)id))
        {
            return null;
        }

        var plan = QuantizationPlanner.Plan(file, (QuantizationType)(int)id, QuantizationOptions.None, fromQuantized: true);
        return plan.Tensors.IsEmpty ? null : From(file, plan);
    }
}
