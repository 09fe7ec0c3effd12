using System.Collections.Immutable;
using QuantBench.Preparation;
using QuantBench.Progress;

namespace QuantBench.Planning;

/// <summary>GGUF files the user named, in their order; a file that is missing or not a GGUF fails the plan.</summary>
public sealed class ModelFiles(IReadOnlyList<string> paths) : IModelSource
{
    public string? SyntheticWeightsNote => null;

    public Task<PreparedModels> PrepareAsync(int threads, IProgress<BenchmarkProgress>? progress, CancellationToken cancellationToken) =>
        Task.FromResult(new PreparedModels([.. ModelInspector.DescribeAll(paths)], ImmutableArray<Results.PhaseDuration>.Empty));
}
