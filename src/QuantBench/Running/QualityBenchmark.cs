using QuantBench.Engines;
using QuantBench.Progress;
using QuantBench.Quality;
using QuantBench.Results;
using QuantBench.Settings;

namespace QuantBench.Running;

/// <summary>
/// The quality scenario for one model, run in its own worker: the baseline writes its log-probabilities
/// to the store and reports its perplexity; every other model is scored against the store (PPL, KLD, ...).
/// </summary>
public sealed class QualityBenchmark(IInferenceBackend backend) : IScenarioRunner
{
    public Scenario Scenario => Scenario.Quality;

    public ModelResult Run(WorkerJob job, IProgress<BenchmarkProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        string store = job.QualityStorePath ?? throw new ArgumentException("a quality job needs a store path", nameof(job));
        var quality = job.Settings.Quality;
        var evaluation = new QualityEvaluation(quality.Options);
        var report = new SynchronousProgress<QualityProgress>(p => progress?.Report(new BenchmarkProgress(
            job.Model.Label,
            p.Stage == QualityStage.SamplingText ? BenchmarkPhase.SampleText : BenchmarkPhase.Quality,
            p.CompletedChunks,
            p.TotalChunks)));

        ILogitsEvaluator evaluator;
        try
        {
            evaluator = backend.LoadEvaluator(job.Settings.LoadOptionsFor(job.Model.Path), evaluation.Options.ContextTokens, cancellationToken);
        }
        catch (ModelLoadException e)
        {
            return ModelResult.Failed(job.Model, e.Message);
        }

        try
        {
            var result = job.IsQualityBaseline
                ? evaluation.EvaluateBaseline(evaluator, quality.Source(job.Settings.Seed), store, report, cancellationToken)
                : evaluation.EvaluateAgainst(store, evaluator, report, cancellationToken);
            return new ModelResult { Model = job.Model, Quality = result };
        }
        catch (QualityEvaluationException e)
        {
            // A model that cannot be compared with the baseline (another vocabulary, say) still has its other figures.
            return new ModelResult { Model = job.Model, Warnings = ["quality not measured: " + e.Reason] };
        }
        finally
        {
            (evaluator as IDisposable)?.Dispose();
        }
    }
}
