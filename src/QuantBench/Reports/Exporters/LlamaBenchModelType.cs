using QuantBench.Models;
using QuantBench.Results;

namespace QuantBench.Reports.Exporters;

/// <summary>
/// llama-bench's <c>model_type</c>, llama.cpp's model description: architecture, size class and file type, e.g.
/// <c>llama ?B Q4_K - Medium</c>. The size class is <c>?B</c> because QuantBench does not know llama.cpp's
/// size classes (the small models here get <c>?B</c> from llama.cpp too). The file type comes from the label
/// (e.g. <c>Q4_K_M</c>, or a file name ending in it), else from the tensor type holding most parameters.
/// </summary>
public static class LlamaBenchModelType
{
    public static string Describe(ModelDescriptor model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return $"{model.Architecture ?? "unknown"} ?B {FileTypeName(model)}";
    }

    /// <summary>llama.cpp's <c>llama_model_ftype_name</c> of the model's quantization level.</summary>
    public static string FileTypeName(ModelDescriptor model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (FindType(model.Label) is { } type)
        {
            return Name(type);
        }

        var dominant = model.ParametersByTensorType.OrderByDescending(p => p.Value).Select(p => p.Key).FirstOrDefault();
        return dominant is null ? "unknown"
            : Enum.TryParse<QuantizationType>(dominant, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? Name(parsed)
            : dominant;
    }

    private static QuantizationType? FindType(string label)
    {
        // Longest names first, so that Q4_K_M is not read as Q4_K... or Q4_0 inside a longer token.
        foreach (var type in Enum.GetValues<QuantizationType>().OrderByDescending(t => t.ToString().Length))
        {
            string name = type.ToString();
            for (int at = label.IndexOf(name, StringComparison.OrdinalIgnoreCase); at >= 0; at = label.IndexOf(name, at + 1, StringComparison.OrdinalIgnoreCase))
            {
                int end = at + name.Length;
                if ((at == 0 || !char.IsLetterOrDigit(label[at - 1])) && (end == label.Length || !char.IsLetterOrDigit(label[end])))
                {
                    return type;
                }
            }
        }

        return null;
    }

    private static string Name(QuantizationType type) => type switch
    {
        QuantizationType.F32 => "all F32",
        QuantizationType.Q2_K => "Q2_K - Medium",
        QuantizationType.Q3_K_S => "Q3_K - Small",
        QuantizationType.Q3_K_M => "Q3_K - Medium",
        QuantizationType.Q3_K_L => "Q3_K - Large",
        QuantizationType.Q4_K_S => "Q4_K - Small",
        QuantizationType.Q4_K_M => "Q4_K - Medium",
        QuantizationType.Q5_K_S => "Q5_K - Small",
        QuantizationType.Q5_K_M => "Q5_K - Medium",
        QuantizationType.IQ4_NL => "IQ4_NL - 4.5 bpw",
        QuantizationType.IQ4_XS => "IQ4_XS - 4.25 bpw",
        _ => type.ToString(),
    };
}
