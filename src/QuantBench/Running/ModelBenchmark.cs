using System.Diagnostics;
using QuantBench.Engines;
using QuantBench.Memory;
using QuantBench.Results;

namespace QuantBench.Running;

/// <summary>
/// Measures one model in the current process: load, warm-up, measured requests, memory. Run inside a
/// worker process so that its memory peak and any native crash belong to this model alone.
/// </summary>
public sealed class ModelBenchmark(IInferenceBackend backend)
{
    public ModelResult Run(ModelDescriptor model, BenchmarkSettings settings, IProgress<BenchmarkProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(settings);
        var baseline = ProcessMemoryReader.Read();
        progress?.Report(new BenchmarkProgress(model.Label, "load", 0, 1));

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
            progress?.Report(new BenchmarkProgress(model.Label, "load", 1, 1));
            var prompt = PromptFactory.Create(settings.PromptTokens, session.VocabularySize, session.BeginningOfSequenceToken, settings.Seed);
            var loop = new RequestLoop(session, new GenerationRequest(prompt, settings.OutputTokens), settings, model.Label, progress);
            int warmups = loop.WarmUp(cancellationToken);
            var (samples, stopping) = loop.Measure(cancellationToken);
            var end = ProcessMemoryReader.Read();
            var latency = LatencyResult.From(settings.PromptTokens, settings.OutputTokens, warmups, samples) with { Stopping = stopping };
            return new ModelResult
            {
                Model = model,
                Engine = backend.Describe(),
                LoadTimeMs = loadMs,
                KvCacheBytes = session.KvCacheBytes,
                Memory = new MemoryResult
                {
                    BaselineResidentBytes = baseline?.ResidentBytes ?? 0,
                    ResidentAfterLoadBytes = afterLoad?.ResidentBytes ?? 0,
                    PeakResidentBytes = end?.PeakResidentBytes ?? 0,
                },
                Latency = latency,
                Warnings = LatencyWarnings.For(latency),
            };
        }
    }
}
