using System.Runtime.InteropServices;
using LLama.Native;
using QuantBench.Engines;
using QuantBench.Gguf;
using QuantBench.Models;

namespace QuantBench.LlamaCpp;

/// <summary>
/// llama.cpp's own quantizer (the code behind llama-quantize), called through LLamaSharp's binding of
/// <c>llama_model_quantize</c> with the whole <c>llama_model_quantize_params</c>: per-tensor types go in as
/// llama.h's NULL-terminated C array of <c>llama_model_tensor_override</c>, the importance matrix as its array of
/// <c>llama_model_imatrix_data</c>, both allocated here and freed after the call.
/// </summary>
public sealed class LlamaCppQuantizer : IModelQuantizer
{
    public string Version => LlamaNative.CustomLibrary is { } custom ? $"llama.cpp-custom-{LlamaNative.Sha256(custom)[..12]}" : $"llama.cpp-{LlamaNative.BundledBuild}";

    public void Quantize(string sourcePath, string destinationPath, QuantizationType type, QuantizationOptions options, int threads, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        cancellationToken.ThrowIfCancellationRequested();
        var matrix = options.ImportanceMatrixPath is { } imatrixPath ? ImportanceMatrix.Read(imatrixPath) : null;
        LlamaNative.EnsureLoaded();
        string temporary = destinationPath + ".partial";
        using var native = new NativeQuantizeArrays(options, matrix);
        var parameters = LLamaModelQuantizeParams.Default();
        parameters.nthread = threads;
        parameters.ftype = (LLamaFtype)(int)type;
        parameters.allow_requantize = true;
        parameters.quantize_output_tensor = true;
        parameters.pure = options.Pure;
        // Unset types keep the native default (the native GGML_TYPE_COUNT); LLamaSharp's own GGML_TYPE_COUNT is 19,
        // which this build reads as IQ1_S.
        if (options.OutputTensorType is { } output)
        {
            parameters.output_tensor_type = (GGMLType)(int)output;
        }

        if (options.TokenEmbeddingType is { } embedding)
        {
            parameters.token_embedding_type = (GGMLType)(int)embedding;
        }

        parameters.tensor_types = native.TensorTypes;
        parameters.imatrix = native.ImportanceMatrix;
        uint status;
        try
        {
            status = NativeApi.llama_model_quantize(sourcePath, temporary, ref parameters);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or SEHException)
        {
            status = 1;
        }

        if (status != 0)
        {
            File.Delete(temporary);
            string why = LlamaNative.RecentLog.LastProblem() ?? "llama.cpp's quantizer returned an error";
            throw new QuantizationException($"{Path.GetFileName(sourcePath)} -> {type}: {why}");
        }

        File.Move(temporary, destinationPath, overwrite: true);
    }
}
