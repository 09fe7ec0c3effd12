using System.Collections.Immutable;

namespace QuantBench.Machine;

/// <summary>Parses /proc/cpuinfo.</summary>
public static class CpuInfoParser
{
    /// <summary>Instruction-set flags that select llama.cpp's CPU kernels, x86 and ARM.</summary>
    public static readonly ImmutableArray<string> FlagsOfInterest =
    [
        "avx", "avx2", "fma", "f16c", "avx512f", "avx512bw", "avx512vl", "avx512_vnni", "avx512_bf16", "avx_vnni", "amx_tile",
        "asimd", "asimddp", "sve", "sve2", "i8mm", "bf16",
    ];

    /// <summary>Reads the first processor's model and flags and counts the processors.</summary>
    public static CpuInfo Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string? model = null;
        string? flags = null;
        var processors = 0;
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            var colon = line.IndexOf(':');
            if (colon < 0)
                continue;
            var key = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            if (key.SequenceEqual("processor"))
                processors++;
            else if (model is null && key.SequenceEqual("model name"))
                model = value.ToString();
            else if (flags is null && (key.SequenceEqual("flags") || key.SequenceEqual("Features")))
                flags = value.ToString();
        }

        var present = (flags ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        return new CpuInfo
        {
            ModelName = string.IsNullOrWhiteSpace(model) ? "unknown" : model,
            LogicalCores = processors,
            Flags = [.. FlagsOfInterest.Where(present.Contains)],
        };
    }
}
