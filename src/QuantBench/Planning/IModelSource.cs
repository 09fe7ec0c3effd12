using QuantBench.Preparation;
using QuantBench.Progress;

namespace QuantBench.Planning;

/// <summary>Where a run's models come from: files the user named, or the embedded default's synthetic ladder.</summary>
public interface IModelSource
{
    /// <summary>A note for the reader when the weights are random (speed real, text meaningless); null for real models.</summary>
    string? SyntheticWeightsNote { get; }

    /// <summary>The models, described from their GGUF headers (made first if need be), and how long making them took.</summary>
    Task<PreparedModels> PrepareAsync(int threads, IProgress<BenchmarkProgress>? progress, CancellationToken cancellationToken);
}
