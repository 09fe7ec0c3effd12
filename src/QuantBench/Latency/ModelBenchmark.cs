using System.Diagnostics;
using QuantBench.Engines;
using QuantBench.Memory;
using QuantBench.Progress;
using QuantBench.Results;
using QuantBench.Settings;

namespace QuantBench.Latency;

/// <summary>
/// Measures one model in the current process: load, warm-up, measured requests, then one untimed probe
/// request that attributes memory to prefill and decode. Run inside a worker process so that its memory
/// peak and any native crash belong to this model alone.
/// </summary>
public sealed class ModelBenchmark(IInferenceBackend backend)
{
    public ModelResult Run(ModelDescriptor model, BenchmarkSettings settings, IProgress<BenchmarkProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(settings);
        var baseline = ProcessMemoryReader.Read();
        var kernel = new KernelPhaseTracker(BenchmarkPhase.Baseline);

        // Every phase change is announced to the parent (its sampler) and to the kernel tracker alike.
        var phases = new SynchronousProgress<BenchmarkProgress>(p =>
        {
            kernel.Enter(p.Phase);
            progress?.Report(p);
        });
        phases.Report(new BenchmarkProgress(model.Label, BenchmarkPhase.Load, 0, 1));

        long loadStart = Stopwatch.GetTimestamp();
        IModelSession session;
        try
        {
            session = backend.Load(settings.LoadOptionsFor(model.Path), cancellationToken);
        }
        catch (ModelLoadException e)
        {
            return ModelResult.Failed(model, e.Message);
        }

        using (session)
        {
            double loadMs = Stopwatch.GetElapsedTime(loadStart).TotalMilliseconds;
            var afterLoad = ProcessMemoryReader.Read();
            phases.Report(new BenchmarkProgress(model.Label, BenchmarkPhase.Load, 1, 1));
            var prompt = PromptFactory.Create(settings.PromptTokens, session.VocabularySize, session.BeginningOfSequenceToken, settings.Seed);
            var request = new GenerationRequest(prompt, settings.OutputTokens);
            var loop = new RequestLoop(session, request, settings, model.Label, phases);
            int warmups = loop.WarmUp(cancellationToken);
            var (samples, stopping) = loop.Measure(cancellationToken);

            session.Generate(request, cancellationToken, phase =>
                phases.Report(new BenchmarkProgress(model.Label, phase == RequestPhase.Prefill ? BenchmarkPhase.Prefill : BenchmarkPhase.Decode, 0, 1)));
            var memoryPhases = kernel.Finish();
            progress?.Report(new BenchmarkProgress(model.Label, BenchmarkPhase.Finish, 1, 1));

            var latency = LatencyResult.From(settings.PromptTokens, settings.OutputTokens, warmups, samples) with { Stopping = stopping };
            return new ModelResult
            {
                Model = model,
                Engine = backend.Describe(),
                LoadTimeMs = loadMs,
                Buffers = session.Buffers,
                Memory = new MemoryResult
                {
                    BaselineResidentBytes = baseline?.ResidentBytes ?? 0,
                    ResidentAfterLoadBytes = afterLoad?.ResidentBytes ?? 0,
                    PeakResidentBytes = kernel.PeakResidentBytes,
                    Phases = memoryPhases,
                },
                Latency = latency,
                Warnings = LatencyWarnings.For(latency),
            };
        }
    }
}
