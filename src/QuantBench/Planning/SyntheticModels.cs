using QuantBench.Models;
using QuantBench.Preparation;
using QuantBench.Progress;
using QuantBench.Synthetic;

namespace QuantBench.Planning;

/// <summary>The embedded default: a synthetic model with random weights and its quantization ladder, made (or reused from the cache) by <see cref="SyntheticLadder"/>.</summary>
public sealed class SyntheticModels(SyntheticLadder ladder, SyntheticModelPreset preset, int seed, IReadOnlyList<QuantizationType> types) : IModelSource
{
    public string? SyntheticWeightsNote =>
        $"Synthetic weights: the models are a random-weight '{preset.Name}' llama model (seed {seed}) and its quantizations made by llama.cpp, so speed, size and memory are real but the models say nothing.";

    public Task<PreparedModels> PrepareAsync(int threads, IProgress<BenchmarkProgress>? progress, CancellationToken cancellationToken) =>
        Task.Run(() => ladder.Prepare(preset, seed, types, threads, progress, cancellationToken), cancellationToken);
}
