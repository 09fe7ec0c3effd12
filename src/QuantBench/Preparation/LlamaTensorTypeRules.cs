using System.Globalization;
using System.Text.RegularExpressions;
using QuantBench.Gguf;
using QuantBench.Models;

namespace QuantBench.Preparation;

/// <summary>
/// llama.cpp's choice of a weight's type within a level (llama-quant.cpp <c>llama_tensor_get_type_impl</c>, b10361),
/// in managed code so that QuantBench knows before quantizing what each tensor becomes. Stateful like llama.cpp's
/// <c>quantize_state_impl</c>: call <see cref="Choose"/> once per tensor in llama.cpp's order. Left out: the
/// LLaMA-2-70B rule (llama.cpp's size class, which QuantBench does not know).
/// </summary>
internal sealed class LlamaTensorTypeRules(ModelHyperparameters model, QuantizationType level, bool hasImatrix, bool tiedEmbeddings, int attentionVCount)
{
    private int _iAttentionV;
    private int _iFfnDown;
    private int _iFfnGate;
    private int _iFfnUp;

    /// <summary>The type llama.cpp's mix picks for the tensor, before the shape fallback.</summary>
    public GgmlType Choose(string name, long rowLength, long expertCount, TensorCategory category, GgmlType type)
    {
        var ftype = level;
        bool falcon = model.IsFalcon;
        bool iq2Family = ftype is QuantizationType.IQ2_XXS or QuantizationType.IQ2_XS or QuantizationType.IQ1_S
            or QuantizationType.IQ2_S or QuantizationType.IQ2_M or QuantizationType.IQ1_M;

        if (category == TensorCategory.Output || (tiedEmbeddings && category == TensorCategory.TokenEmbedding))
        {
            int block = GgmlTypeTraits.Get(type).BlockSizeElements;
            if (ftype == QuantizationType.MXFP4_MOE || falcon || rowLength % block != 0)
            {
                return GgmlType.Q8_0;
            }

            if (ftype is QuantizationType.IQ2_XXS or QuantizationType.IQ2_XS or QuantizationType.IQ3_XXS or QuantizationType.IQ1_S
                or QuantizationType.IQ2_S or QuantizationType.IQ2_M or QuantizationType.IQ1_M)
            {
                return GgmlType.Q5_K;
            }

            return type != GgmlType.Q8_0 ? GgmlType.Q6_K : type;
        }

        if (ftype == QuantizationType.MXFP4_MOE)
        {
            return expertCount > 1 ? GgmlType.MXFP4 : GgmlType.Q8_0;
        }

        if (category == TensorCategory.TokenEmbedding)
        {
            return ftype switch
            {
                QuantizationType.IQ2_XXS or QuantizationType.IQ2_XS or QuantizationType.IQ1_S or QuantizationType.IQ1_M => GgmlType.Q2_K,
                QuantizationType.IQ2_S or QuantizationType.IQ2_M or QuantizationType.IQ3_XXS => GgmlType.IQ3_S,
                QuantizationType.TQ1_0 or QuantizationType.TQ2_0 => GgmlType.Q4_K,
                _ => type,
            };
        }

        if (iq2Family)
        {
            return ChooseVeryLowBit(name, category, type);
        }

        if (TensorCategories.IsAttentionV(category))
        {
            return ChooseAttentionV(type);
        }

        switch (category)
        {
            case TensorCategory.AttentionK:
                return model.ExpertCount == 8 ? GgmlType.Q8_0
                    : ftype == QuantizationType.IQ3_XS ? GgmlType.IQ3_XXS
                    : ftype == QuantizationType.IQ3_XXS ? GgmlType.IQ2_S
                    : type;
            case TensorCategory.AttentionQ:
                return ftype == QuantizationType.IQ3_XS ? GgmlType.IQ3_XXS : ftype == QuantizationType.IQ3_XXS ? GgmlType.IQ2_S : type;
            case TensorCategory.FfnDown:
                return ChooseFfnDown(name, type);
            case TensorCategory.AttentionOutput:
                return ChooseAttentionOutput(type);
            case TensorCategory.FfnGate:
            case TensorCategory.FfnUp:
                {
                    int counter = category == TensorCategory.FfnGate ? _iFfnGate++ : _iFfnUp++;
                    int layer = LayerOf(name, counter);
                    int n = model.LayerCount;
                    return ftype == QuantizationType.IQ3_XS && layer >= n / 8 && layer < 7 * n / 8 ? GgmlType.IQ3_XXS : type;
                }

            default:
                return type;
        }
    }

    private GgmlType ChooseVeryLowBit(string name, TensorCategory category, GgmlType type)
    {
        var ftype = level;
        bool sFamily = ftype is QuantizationType.IQ2_S or QuantizationType.IQ2_M;
        if (TensorCategories.IsAttentionV(category))
        {
            _iAttentionV++;
            return model.GroupedQueryRatio >= 4 || model.ExpertCount >= 4 ? GgmlType.Q4_K : sFamily ? GgmlType.IQ3_S : GgmlType.Q2_K;
        }

        if (model.ExpertCount == 8 && category == TensorCategory.AttentionK)
        {
            return GgmlType.Q4_K;
        }

        if (category == TensorCategory.FfnDown)
        {
            var chosen = _iFfnDown < model.LayerCount / 8 ? (sFamily ? GgmlType.IQ3_S : GgmlType.Q2_K) : type;
            _iFfnDown++;
            return chosen;
        }

        if (category == TensorCategory.AttentionOutput)
        {
            if (model.ExpertCount == 8)
            {
                return GgmlType.Q5_K;
            }

            return ftype is QuantizationType.IQ1_S or QuantizationType.IQ1_M ? GgmlType.IQ2_XXS : sFamily ? GgmlType.IQ3_S : type;
        }

        return type;
    }

    private GgmlType ChooseAttentionV(GgmlType type)
    {
        var ftype = level;
        int gqa = model.GroupedQueryRatio;
        var chosen = type;
        if (ftype == QuantizationType.Q2_K)
        {
            chosen = gqa >= 4 ? GgmlType.Q4_K : GgmlType.Q3_K;
        }
        else if (ftype == QuantizationType.Q2_K_S && gqa >= 4)
        {
            chosen = GgmlType.Q4_K;
        }
        else if (ftype == QuantizationType.IQ3_XXS)
        {
            chosen = gqa >= 4 ? GgmlType.Q4_K : !hasImatrix ? GgmlType.IQ3_S : GgmlType.IQ3_XXS;
        }
        else if (ftype is QuantizationType.IQ3_XS or QuantizationType.IQ3_S && gqa >= 4)
        {
            chosen = GgmlType.Q4_K;
        }
        else if (ftype == QuantizationType.IQ3_M)
        {
            chosen = GgmlType.Q4_K;
        }
        else if (ftype == QuantizationType.Q3_K_M)
        {
            chosen = _iAttentionV < 2 ? GgmlType.Q5_K : GgmlType.Q4_K;
        }
        else if (ftype == QuantizationType.Q3_K_L)
        {
            chosen = GgmlType.Q5_K;
        }
        else if (ftype is QuantizationType.IQ4_NL or QuantizationType.IQ4_XS && gqa >= 4)
        {
            chosen = GgmlType.Q5_K;
        }
        else if (ftype is QuantizationType.Q4_K_M or QuantizationType.Q5_K_M && UseMoreBits(_iAttentionV, attentionVCount))
        {
            chosen = GgmlType.Q6_K;
        }
        else if (ftype == QuantizationType.Q4_K_S && _iAttentionV < 4)
        {
            chosen = GgmlType.Q5_K;
        }

        if (model.ExpertCount == 8)
        {
            chosen = GgmlType.Q8_0;
        }

        _iAttentionV++;
        return chosen;
    }

    private GgmlType ChooseFfnDown(string name, GgmlType type)
    {
        var ftype = level;
        int layer = LayerOf(name, _iFfnDown);
        int n = model.LayerCount;
        bool falcon = model.IsFalcon;
        var chosen = type;
        if (ftype == QuantizationType.Q2_K)
        {
            chosen = GgmlType.Q3_K;
        }
        else if (ftype == QuantizationType.Q2_K_S)
        {
            if (layer < n / 8)
            {
                chosen = GgmlType.Q4_K;
            }
        }
        else if (ftype == QuantizationType.IQ3_XXS && !hasImatrix)
        {
            chosen = layer < n / 8 ? GgmlType.Q4_K : GgmlType.Q3_K;
        }
        else if (ftype == QuantizationType.Q3_K_M)
        {
            chosen = layer < n / 16 ? GgmlType.Q5_K : !falcon || UseMoreBits(layer, n) ? GgmlType.Q4_K : GgmlType.Q3_K;
        }
        else if (ftype == QuantizationType.IQ3_M && (layer < n / 8 || (model.ExpertCount == 8 && UseMoreBits(layer, n))))
        {
            chosen = GgmlType.Q4_K;
        }
        else if (ftype == QuantizationType.Q3_K_L)
        {
            chosen = falcon ? GgmlType.Q4_K : GgmlType.Q5_K;
        }
        else if (ftype == QuantizationType.Q4_K_M)
        {
            if (falcon)
            {
                chosen = layer < n / 16 ? GgmlType.Q6_K : UseMoreBits(layer, n) ? GgmlType.Q5_K : GgmlType.Q4_K;
            }
            else if (UseMoreBits(layer, n))
            {
                chosen = GgmlType.Q6_K;
            }
        }
        else if (layer < n / 8 && ftype is QuantizationType.IQ4_NL or QuantizationType.IQ4_XS && !hasImatrix)
        {
            chosen = GgmlType.Q5_K;
        }
        else if (ftype == QuantizationType.Q5_K_M && UseMoreBits(layer, n))
        {
            chosen = GgmlType.Q6_K;
        }
        else if (ftype == QuantizationType.Q4_K_S && !falcon && layer < n / 8)
        {
            chosen = GgmlType.Q5_K;
        }
        else if (ftype is QuantizationType.Q4_0 or QuantizationType.Q5_0 && hasImatrix && layer < n / 8)
        {
            chosen = ftype == QuantizationType.Q4_0 ? GgmlType.Q4_1 : GgmlType.Q5_1;
        }

        _iFfnDown++;
        return chosen;
    }

    private GgmlType ChooseAttentionOutput(GgmlType type)
    {
        var ftype = level;
        if (model.IsFalcon)
        {
            return ftype == QuantizationType.Q3_K_L ? GgmlType.Q4_K : type;
        }

        if (model.ExpertCount == 8)
        {
            return ftype is QuantizationType.Q2_K or QuantizationType.IQ3_XS or QuantizationType.IQ3_XXS or QuantizationType.Q3_K_S
                or QuantizationType.Q3_K_M or QuantizationType.IQ4_NL or QuantizationType.Q4_K_S or QuantizationType.Q4_K_M
                or QuantizationType.IQ3_S or QuantizationType.IQ3_M or QuantizationType.IQ4_XS
                ? GgmlType.Q5_K : type;
        }

        return ftype switch
        {
            QuantizationType.Q2_K => GgmlType.Q3_K,
            QuantizationType.IQ3_XXS => GgmlType.IQ3_S,
            QuantizationType.Q3_K_M => GgmlType.Q4_K,
            QuantizationType.Q3_K_L => GgmlType.Q5_K,
            QuantizationType.IQ3_M => GgmlType.Q4_K,
            _ => type,
        };
    }

    // llama.cpp's use_more_bits: the first and last eighth of the layers and every third one between.
    private static bool UseMoreBits(int layer, int layers) =>
        layer < layers / 8 || layer >= 7 * layers / 8 || (layer - layers / 8) % 3 == 2;

    // With experts, llama.cpp reads the layer from the name (experts are not in layer order); else it counts.
    private int LayerOf(string name, int counter)
    {
        if (model.ExpertCount <= 1)
        {
            return counter;
        }

        var match = Regex.Match(name, @"^blk\.(\d+)\.");
        return match.Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : counter;
    }
}
