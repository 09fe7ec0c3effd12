using LLama;
using LLama.Native;
using QuantBench.Engines;
using QuantBench.Models;

namespace QuantBench.LlamaCpp;

/// <summary>llama.cpp's own quantizer (the code behind llama-quantize), through LLamaSharp.</summary>
public sealed class LlamaCppQuantizer : IModelQuantizer
{
    public string Version => LlamaNative.CustomLibrary is { } custom ? $"llama.cpp-custom-{LlamaNative.Sha256(custom)[..12]}" : $"llama.cpp-{LlamaNative.BundledBuild}";

    public void Quantize(string sourcePath, string destinationPath, QuantizationType type, int threads, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        LlamaNative.EnsureLoaded();
        var ftype = type switch
        {
            QuantizationType.F32 => LLamaFtype.ALL_F32,
            _ => Enum.Parse<LLamaFtype>("MOSTLY_" + type, ignoreCase: false),
        };

        string temporary = destinationPath + ".partial";
        bool ok;
        try
        {
            ok = LLamaQuantizer.Quantize(sourcePath, temporary, ftype, threads, allowRequantize: true, quantizeOutputTensor: true);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            ok = false;
        }

        if (!ok)
        {
            File.Delete(temporary);
            string why = LlamaNative.RecentLog.LastProblem() ?? "llama.cpp's quantizer returned an error";
            throw new QuantizationException($"{Path.GetFileName(sourcePath)} -> {type}: {why}");
        }

        File.Move(temporary, destinationPath, overwrite: true);
    }
}
