using System.Diagnostics;
using QuantBench.LlamaCpp.Quality;
using QuantBench.Quality;
using QuantBench.Testing;

namespace QuantBench.IntegrationTests.Quality;

/// <summary>
/// The F32 reference model (made at test time, pinned) evaluated once on Alice in Wonderland, exactly as the reference
/// figures were made (n_ctx 128, 2 threads); its store is shared by the KL divergence tests.
/// </summary>
public sealed class AliceBaselineFixture : IDisposable
{
    internal const int ContextTokens = 128;
    internal const int Threads = 2;

    private readonly string directory = Directory.CreateTempSubdirectory("quantbench-quality-").FullName;

    public AliceBaselineFixture()
    {
        // As many chunks as llama-perplexity scored (its --chunks): the first ones of the text.
        Chunks = LlamaPerplexityOutput.Chunks(ReferenceData.LlamaCppOutput("ppl-tiny-F32.txt"));
        Evaluation = new QualityEvaluation(new QualityOptions { ContextTokens = ContextTokens, QualityTokens = (long)Chunks * ContextTokens });
        StorePath = Path.Combine(directory, "tiny-F32.logprobs");
        var stopwatch = Stopwatch.StartNew();
        using var baseline = LlamaCppLogitsEvaluator.Load(ReferenceModels.Path("tiny-F32.gguf"), ContextTokens, Threads, CancellationToken.None);
        Baseline = Evaluation.EvaluateBaseline(
            baseline,
            QualityTextSource.FromFile(ReferenceData.Text("alice_in_wonderland.txt")),
            StorePath,
            progress: null,
            CancellationToken.None);
        BaselineSeconds = stopwatch.Elapsed.TotalSeconds;
    }

    /// <summary>The chunks of n_ctx tokens that llama-perplexity scored, from the start of the text.</summary>
    internal int Chunks { get; }

    internal QualityEvaluation Evaluation { get; }

    internal string StorePath { get; }

    internal QualityResult Baseline { get; }

    internal double BaselineSeconds { get; }

    public void Dispose() => Directory.Delete(directory, recursive: true);
}
