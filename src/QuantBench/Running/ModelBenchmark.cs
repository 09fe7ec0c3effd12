using System.Collections.Immutable;
using System.Diagnostics;
using QuantBench.Engines;
using QuantBench.Measurements;
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
            var prompt = PromptFactory.Create(settings.PromptTokens, session.VocabularySize, session.BeginningOfSequenceToken, settings.Seed);
            var request = new GenerationRequest(prompt, settings.OutputTokens);

            for (int i = 0; i < settings.WarmupRequests; i++)
            {
                progress?.Report(new BenchmarkProgress(model.Label, "warm-up", i, settings.WarmupRequests));
                session.Generate(request, cancellationToken);
            }

            var samples = ImmutableArray.CreateBuilder<RequestSample>(settings.MeasuredRequests);
            for (int i = 0; i < settings.MeasuredRequests; i++)
            {
                progress?.Report(new BenchmarkProgress(model.Label, "measure", i, settings.MeasuredRequests));
                var trace = session.Generate(request, cancellationToken);
                samples.Add(RequestSample.From(RequestMetrics.From(trace)));
            }

            progress?.Report(new BenchmarkProgress(model.Label, "measure", settings.MeasuredRequests, settings.MeasuredRequests));
            var end = ProcessMemoryReader.Read();
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
                Latency = LatencyResult.From(settings.PromptTokens, settings.OutputTokens, settings.WarmupRequests, samples.MoveToImmutable()),
            };
        }
    }
}
