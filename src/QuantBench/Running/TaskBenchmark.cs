using System.Collections.Immutable;
using QuantBench.Engines;
using QuantBench.Progress;
using QuantBench.Results;
using QuantBench.Settings;
using QuantBench.Tasks;

namespace QuantBench.Running;

/// <summary>
/// The task-accuracy scenario for one model, run in its own worker: each task file is read, its tasks
/// selected as llama-perplexity selects them, and scored in batches of sequences.
/// </summary>
public sealed class TaskBenchmark(IInferenceBackend backend) : IScenarioRunner
{
    /// <summary>Progress lines per task file: one per batch cost measurable time on the tiny models.</summary>
    private const int ProgressSteps = 20;

    public Scenario Scenario => Scenario.Tasks;

    public ModelResult Run(WorkerJob job, IProgress<BenchmarkProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var settings = job.Settings.Tasks;
        ITaskEvaluator evaluator;
        try
        {
            evaluator = backend.LoadTaskEvaluator(job.Settings.LoadOptionsFor(job.Model.Path), settings.ContextPerSequence, settings.Parallel, cancellationToken);
        }
        catch (ModelLoadException e)
        {
            return ModelResult.Failed(job.Model, e.Message);
        }

        var accuracies = ImmutableArray.CreateBuilder<TaskAccuracy>();
        try
        {
            foreach (var file in settings.Files)
            {
                var set = file.Read(settings.TaskCount);
                var report = new StepProgress(set.Count, ProgressSteps, done => progress?.Report(new BenchmarkProgress(job.Model.Label, BenchmarkPhase.Tasks, done, set.Count)));
                var outcomes = set.Kind == TaskKind.Winogrande
                    ? new WinograndeScorer(evaluator).Score(set, report, cancellationToken)
                    : new ChoiceTaskScorer(evaluator).Score(set, report, cancellationToken);
                accuracies.Add(TaskAccuracy.From(set, outcomes));
            }

            return new ModelResult { Model = job.Model, Tasks = accuracies.ToImmutable() };
        }
        catch (Exception e) when (e is TaskFileException or TaskScoringException)
        {
            // The files scored before this one stay measured.
            return ModelResult.Failed(job.Model, e.Message) with { Tasks = accuracies.ToImmutable() };
        }
        finally
        {
            (evaluator as IDisposable)?.Dispose();
        }
    }
}
