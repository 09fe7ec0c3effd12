using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using QuantBench.Gguf;
using QuantBench.Models;

namespace QuantBench.Preparation;

/// <summary>
/// llama.cpp's quantizer's rules (llama-quant.cpp, b10361) in managed code: which weights it quantizes, the
/// type its mix picks for each, the fallback when a row does not fit that type's blocks (K-quants and I-quants
/// on rows not a multiple of 256 fall back to Q4_0, Q5_0, Q5_1, Q8_0 or IQ4_NL, else F16) and where it fails
/// (a type without a fallback, e.g. Q8_0 on rows not a multiple of 32). QuantBench plans every level with
/// these rules before any native call, so that a level llama.cpp cannot make fails with one line, not a crash.
/// </summary>
public static class QuantizationPlanner
{
    private static readonly GgmlType[] SourceTypes = [GgmlType.F32, GgmlType.F16, GgmlType.BF16];

    /// <summary>Why the file cannot be quantized to the level, one line; empty when it can.</summary>
    public static IReadOnlyList<string> Check(GgufFile file, QuantizationType type, QuantizationOptions? options = null) =>
        Plan(file, type, options).Failure is { } failure ? [failure] : [];

    /// <summary>
    /// The plan for making <paramref name="level"/> from the file. With <paramref name="fromQuantized"/>, the file is
    /// already quantized and is planned on its shapes only (to tell which of its weights fell back).
    /// </summary>
    public static QuantizationPlan Plan(GgufFile file, QuantizationType level, QuantizationOptions? options = null, bool fromQuantized = false)
    {
        ArgumentNullException.ThrowIfNull(file);
        options ??= QuantizationOptions.None;
        var quantized = file.Tensors.Where(t => !SourceTypes.Contains(t.Type) && Dimensions(t) >= 2).ToArray();
        if (quantized.Length > 0 && !fromQuantized)
        {
            return new QuantizationPlan(level, [], $"{level}: the model is already quantized ({string.Join(", ", quantized.Select(t => t.Type).Distinct())}); quantize from an F32, F16 or BF16 model");
        }

        // llama.cpp walks the weights in its loader's order: by layer, then by name.
        var tensors = file.Tensors.OrderBy(t => LayerOf(t.Name)).ThenBy(t => t.Name, StringComparer.Ordinal).ToArray();
        var model = ModelHyperparameters.From(file);
        var categories = tensors.Select(t => TensorCategories.CategoryOf(t.Name)).ToArray();
        bool tied = !categories.Contains(TensorCategory.Output);
        var rules = new LlamaTensorTypeRules(model, level, options.ImportanceMatrixPath is not null, tied,
            categories.Count(TensorCategories.IsAttentionV));
        var patterns = options.TensorTypes.Select(o => (Regex: new Regex(o.Pattern, RegexOptions.CultureInvariant), o.Type)).ToArray();
        var defaultType = QuantizationTypes.DefaultTensorType(level);

        var planned = ImmutableArray.CreateBuilder<PlannedTensor>(tensors.Length);
        var noFallback = new List<PlannedTensor>();
        var unfit = new List<(PlannedTensor Tensor, string Option)>();
        for (int i = 0; i < tensors.Length; i++)
        {
            var tensor = tensors[i];
            long row = tensor.Dimensions[0];
            if (!AllowsQuantization(tensor))
            {
                planned.Add(new PlannedTensor(tensor.Name, row, tensor.ElementCount, tensor.Type, tensor.Type, tensor.Type, false));
                continue;
            }

            GgmlType intended;
            GgmlType? final = null;
            if (options.TokenEmbeddingType is { } embedding && categories[i] == TensorCategory.TokenEmbedding)
            {
                (intended, final) = (embedding, embedding);
                if (!Fits(row, embedding))
                {
                    unfit.Add((new PlannedTensor(tensor.Name, row, tensor.ElementCount, tensor.Type, intended, intended, true), "--token-embedding-type"));
                }
            }
            else if (options.OutputTensorType is { } output && categories[i] == TensorCategory.Output)
            {
                (intended, final) = (output, output);
                if (!Fits(row, output))
                {
                    unfit.Add((new PlannedTensor(tensor.Name, row, tensor.ElementCount, tensor.Type, intended, intended, true), "--output-tensor-type"));
                }
            }
            else
            {
                intended = defaultType;
                if (IsQuantized(defaultType))
                {
                    var manual = patterns.FirstOrDefault(p => p.Regex.IsMatch(tensor.Name));
                    if (manual.Regex is not null)
                    {
                        intended = manual.Type;
                    }
                    else if (!options.Pure)
                    {
                        intended = tied && categories[i] == TensorCategory.TokenEmbedding && options.OutputTensorType is { } tiedOutput
                            ? tiedOutput
                            : rules.Choose(tensor.Name, row, Dimensions(tensor) > 2 ? tensor.Dimensions[2] : 1, categories[i], intended);
                    }

                    final = Fallback(row, intended);
                }
                else
                {
                    final = intended;
                }
            }

            var plannedTensor = new PlannedTensor(tensor.Name, row, tensor.ElementCount, tensor.Type, intended, final ?? intended, true);
            if (final is null)
            {
                noFallback.Add(plannedTensor);
            }

            planned.Add(plannedTensor);
        }

        var result = planned.MoveToImmutable();
        int weights = result.Count(t => t.Quantized);
        string? failure = noFallback.Count > 0 ? NoFallbackFailure(level, noFallback, weights)
            : unfit.Count > 0 ? UnfitOptionFailure(level, unfit[0].Tensor, unfit[0].Option)
            : ImatrixFailure(level, result, options);
        return new QuantizationPlan(level, result, failure);
    }

    /// <summary>llama.cpp's <c>tensor_type_fallback</c>: the type written when rows do not fit; null where llama.cpp fails.</summary>
    public static GgmlType? Fallback(long rowLength, GgmlType type)
    {
        if (Fits(rowLength, type))
        {
            return type;
        }

        GgmlType? fallback = type switch
        {
            GgmlType.IQ1_S or GgmlType.IQ1_M or GgmlType.IQ2_XXS or GgmlType.IQ2_XS or GgmlType.IQ2_S or GgmlType.IQ3_XXS
                or GgmlType.IQ3_S or GgmlType.IQ4_XS => GgmlType.IQ4_NL,
            GgmlType.Q2_0 or GgmlType.Q2_K or GgmlType.Q3_K or GgmlType.TQ1_0 or GgmlType.TQ2_0 => GgmlType.Q4_0,
            GgmlType.Q4_K => GgmlType.Q5_0,
            GgmlType.Q5_K => GgmlType.Q5_1,
            GgmlType.Q6_K => GgmlType.Q8_0,
            _ => null,
        };
        return fallback is { } f && !Fits(rowLength, f) ? GgmlType.F16 : fallback;
    }

    private static bool Fits(long rowLength, GgmlType type) => rowLength % GgmlTypeTraits.Get(type).BlockSizeElements == 0;

    private static bool IsQuantized(GgmlType type) => type is not (GgmlType.F32 or GgmlType.F16 or GgmlType.BF16);

    private static string NoFallbackFailure(QuantizationType level, List<PlannedTensor> tensors, int weights)
    {
        var example = tensors[0];
        int block = GgmlTypeTraits.Get(example.Intended).BlockSizeElements;
        var fixes = tensors.Select(t => FixFor(t.Name)).Distinct().Take(3);
        return Shorten($"{level}: {tensors.Count} of {weights} weights have rows llama.cpp cannot cut into {example.Intended} blocks of {block} "
            + $"(e.g. {example.Name}, rows of {example.RowLength}); add {string.Join(" ", fixes)}");
    }

    private static string UnfitOptionFailure(QuantizationType level, PlannedTensor tensor, string option) =>
        Shorten($"{level}: {option} {tensor.Intended.ToString().ToLowerInvariant()} does not fit {tensor.Name} (rows of {tensor.RowLength}, blocks of "
            + $"{GgmlTypeTraits.Get(tensor.Intended).BlockSizeElements}) and llama.cpp would abort; use f16 there");

    private static string? ImatrixFailure(QuantizationType level, ImmutableArray<PlannedTensor> tensors, QuantizationOptions options)
    {
        if (options.ImportanceMatrixPath is not null)
        {
            return null;
        }

        var needing = tensors.Where(t => t.Quantized && RequiresImatrix(t.Name, t.Final, level)).ToArray();
        return needing.Length == 0 ? null
            : Shorten($"{level}: {needing.Length} weights would be {needing[0].Final} (e.g. {needing[0].Name}), which llama.cpp makes only with an "
                + "importance matrix; pass --imatrix FILE (made by llama-imatrix) or choose another level");
    }

    // llama-quant.cpp tensor_requires_imatrix.
    private static bool RequiresImatrix(string name, GgmlType type, QuantizationType level) =>
        !(TensorCategories.IsTokenEmbedding(name) || name == "output.weight")
        && (type is GgmlType.IQ3_XXS or GgmlType.IQ2_XXS or GgmlType.IQ2_XS or GgmlType.IQ2_S or GgmlType.IQ1_M or GgmlType.IQ1_S
            || (type == GgmlType.Q2_K && level == QuantizationType.Q2_K_S));

    private static string FixFor(string name) => name switch
    {
        "output.weight" => "--output-tensor-type f16",
        _ when TensorCategories.IsTokenEmbedding(name) => "--token-embedding-type f16",
        _ => $"--tensor-type {Role(name)}=f16",
    };

    // blk.3.ffn_down.weight -> ffn_down
    private static string Role(string name)
    {
        var match = Regex.Match(name, @"^blk\.\d+\.(.+?)(\.weight)?$");
        return match.Success ? match.Groups[1].Value : name;
    }

    private static string Shorten(string line) => line.Length < 300 ? line : line[..296] + "...";

    private static int LayerOf(string name)
    {
        var match = Regex.Match(name, @"^blk\.(\d+)\.");
        return match.Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : -1;
    }

    // ggml_n_dims: trailing dimensions of 1 do not count.
    private static int Dimensions(GgufTensorInfo tensor)
    {
        int n = tensor.Dimensions.Length;
        while (n > 1 && tensor.Dimensions[n - 1] == 1)
        {
            n--;
        }

        return n;
    }

    // llama-quant.cpp tensor_allows_quantization (with quantize_output_tensor on, as llama-quantize's default).
    private static bool AllowsQuantization(GgufTensorInfo tensor)
    {
        string name = tensor.Name;
        if (Dimensions(tensor) < 2 || !name.EndsWith("weight", StringComparison.Ordinal))
        {
            return false;
        }

        string[] excluded =
        [
            "_norm.weight", "ffn_gate_inp.weight", "ffn_gate_tid2eid.weight", "altup", "laurel", "per_layer_model_proj",
            "ssm_conv1d", "shortconv.conv.weight", "indexer.k_proj.weight", "indexer.q_proj.weight",
            "time_mix_first.weight", "time_mix_w0.weight", "time_mix_w1.weight", "time_mix_w2.weight", "time_mix_v0.weight",
            "time_mix_v1.weight", "time_mix_v2.weight", "time_mix_a0.weight", "time_mix_a1.weight", "time_mix_a2.weight",
            "time_mix_g1.weight", "time_mix_g2.weight", "time_mix_decay_w1.weight", "time_mix_decay_w2.weight",
            "time_mix_lerp_fused.weight", "attn_rel_b.weight", ".position_embd", "sam.pos_embd", "sam.neck.", "sam.net_",
            ".rel_pos", ".patch_embd", ".patch_merger", "a.rvq.codebook", "mm.a.code_embd",
        ];
        return !excluded.Any(e => name.Contains(e, StringComparison.Ordinal))
            && name is not ("position_embd.weight" or "token_types.weight");
    }
}
