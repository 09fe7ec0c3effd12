using QuantBench.Models;

namespace QuantBench.Engines;

/// <summary>Makes a quantized copy of a model file with an engine's own quantizer.</summary>
public interface IModelQuantizer
{
    /// <summary>A stable name of the quantizer's build, part of the cache key of generated models.</summary>
    string Version { get; }

    /// <summary>
    /// Quantizes with llama-quantize's <paramref name="options"/>; the caller has checked the level is possible
    /// (QuantizationPlanner). Throws <see cref="QuantizationException"/> with a one-line reason when it fails.
    /// </summary>
    void Quantize(string sourcePath, string destinationPath, QuantizationType type, QuantizationOptions options, int threads, CancellationToken cancellationToken);
}
