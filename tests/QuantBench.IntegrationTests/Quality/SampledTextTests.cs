using QuantBench.LlamaCpp.Quality;
using QuantBench.Quality;
using QuantBench.Testing;

namespace QuantBench.IntegrationTests.Quality;

/// <summary>The embedded default: evaluation tokens sampled from the baseline itself, through real llama.cpp.</summary>
public sealed class SampledTextTests : IDisposable
{
    private const int ContextTokens = 64;
    private readonly string directory = Directory.CreateTempSubdirectory("quantbench-sampled-").FullName;
    private readonly QualityEvaluation evaluation = new(new QualityOptions { ContextTokens = ContextTokens, QualityTokens = 4 * ContextTokens });

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public void Models_are_compared_on_tokens_sampled_from_the_baseline()
    {
        var source = QualityTextSource.SampledFromBaseline(seed: 2024);
        string store = Path.Combine(directory, "f32.logprobs");
        QualityResult baseline;
        using (var f32 = LlamaCppLogitsEvaluator.Load(ReferenceModels.Path("tiny-F32.gguf"), ContextTokens, 2, CancellationToken.None))
        {
            baseline = evaluation.EvaluateBaseline(f32, source, store, null, CancellationToken.None);
        }

        QualityResult itself;
        using (var f32Again = LlamaCppLogitsEvaluator.Load(ReferenceModels.Path("tiny-F32.gguf"), ContextTokens, 2, CancellationToken.None))
        {
            itself = evaluation.EvaluateAgainst(store, f32Again, null, CancellationToken.None);
        }

        QualityResult q2k;
        using (var quantized = LlamaCppLogitsEvaluator.Load(ReferenceModels.Path("tiny-Q2_K.gguf"), ContextTokens, 2, CancellationToken.None))
        {
            q2k = evaluation.EvaluateAgainst(store, quantized, null, CancellationToken.None);
        }

        Assert.Equal("sampled from the baseline, seed 2024, temperature 1", q2k.SourceDescription);
        Assert.Equal(4, baseline.Chunks);
        Assert.Equal(4 * (ContextTokens / 2 - 1), q2k.ScoredTokens);
        // A near-flat model's samples are about as surprising as its vocabulary (1000 tokens) is large.
        Assert.InRange(baseline.Perplexity.Perplexity, 500, 1000);
        Assert.InRange(itself.KlDivergence!.MeanKld, -1e-6, 1e-6);
        Assert.Equal(1, itself.KlDivergence.SameTopTokenShare);
        Assert.Equal(baseline.Perplexity.Perplexity, itself.Perplexity.Perplexity, 3);
        Assert.InRange(q2k.KlDivergence!.MeanKld, 0.1, 1.0);
    }

    [Fact]
    public void The_same_seed_samples_the_same_tokens()
    {
        var source = QualityTextSource.SampledFromBaseline(seed: 7);
        using var f32 = LlamaCppLogitsEvaluator.Load(ReferenceModels.Path("tiny-F32.gguf"), ContextTokens, 2, CancellationToken.None);
        var small = new QualityEvaluation(new QualityOptions { ContextTokens = ContextTokens, QualityTokens = ContextTokens });
        small.EvaluateBaseline(f32, source, Path.Combine(directory, "a"), null, CancellationToken.None);
        small.EvaluateBaseline(f32, source, Path.Combine(directory, "b"), null, CancellationToken.None);
        small.EvaluateBaseline(f32, QualityTextSource.SampledFromBaseline(seed: 8), Path.Combine(directory, "c"), null, CancellationToken.None);

        Assert.Equal(TokensOf(Path.Combine(directory, "a")), TokensOf(Path.Combine(directory, "b")));
        Assert.NotEqual(TokensOf(Path.Combine(directory, "a")), TokensOf(Path.Combine(directory, "c")));
    }

    private static int[] TokensOf(string storePath)
    {
        using var store = BaselineLogProbStore.Open(storePath);
        var tokens = new int[store.ContextTokens];
        store.ReadChunk(0, tokens, new float[store.ScoredRowsPerChunk * store.VocabularySize]);
        return tokens;
    }
}
