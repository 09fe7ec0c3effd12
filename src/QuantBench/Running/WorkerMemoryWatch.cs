using System.Collections.Immutable;
using QuantBench.Memory;
using QuantBench.Progress;
using QuantBench.Results;

namespace QuantBench.Running;

/// <summary>
/// The parent's watch on a worker's memory: samples its resident set at 200 Hz (and GPU memory through
/// NVML where there is a GPU), attributes readings to the phases the worker announces, and merges the
/// figures into the worker's own (kernel high-water mark) result.
/// </summary>
internal sealed class WorkerMemoryWatch : IDisposable
{
    private readonly MemorySampler sampler;
    private readonly GpuMemoryReader? gpuReader;
    private readonly GpuMemorySampler? gpuSampler;
    private readonly string? gpuUnavailableReason;
    private readonly Lock gate = new();
    private BenchmarkPhase phase = BenchmarkPhase.Baseline;
    private MemorySamplingResult? result;
    private GpuMemorySamplingResult? gpuResult;

    internal WorkerMemoryWatch(int processId)
    {
        // The worker resets its own high-water mark per phase; the parent must not reset it too.
        sampler = new MemorySampler(new MemorySamplerOptions { ProcessId = processId, ResetHighWaterMark = false, InitialPhase = BenchmarkPhase.Baseline.Name() });
        sampler.Start();
        try
        {
            gpuReader = GpuMemoryReader.OpenNative();
            gpuSampler = new GpuMemorySampler(gpuReader, processId);
            gpuSampler.Start();
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or InvalidOperationException or NotSupportedException)
        {
            gpuUnavailableReason = e.Message;
        }
    }

    internal void MarkPhase(BenchmarkPhase next)
    {
        lock (gate)
        {
            if (next != phase && result is null)
            {
                phase = next;
                sampler.MarkPhase(next.Name());
            }
        }
    }

    internal void Stop()
    {
        lock (gate)
        {
            result ??= sampler.Stop();
            gpuResult ??= gpuSampler?.Stop();
        }
    }

    /// <summary>The worker's result with the sampler's figures added beside the kernel's, phase by phase.</summary>
    internal ModelResult Merge(ModelResult worker)
    {
        Stop();
        if (worker.Memory is not { } memory || result is null)
        {
            return worker;
        }

        var sampled = result.Phases.Where(p => p.SampleCount > 0).ToDictionary(p => p.Phase);
        var names = memory.Phases.Select(p => p.Phase).Concat(sampled.Keys).Distinct();
        var phases = names.Select(name =>
        {
            var kernel = memory.Phases.FirstOrDefault(p => p.Phase == name) ?? new PhaseMemory { Phase = name };
            return sampled.TryGetValue(name, out var s)
                ? kernel with
                {
                    SampledPeakResidentBytes = s.PeakResident.Bytes,
                    SampledPeakAnonymousBytes = s.PeakAnonymousResident.Bytes,
                    SampledPeakFileBytes = s.PeakFileResident.Bytes,
                    SampleCount = s.SampleCount,
                }
                : kernel;
        }).ToImmutableArray();

        return worker with
        {
            Memory = memory with
            {
                SampledPeakResidentBytes = result.SampleCount > 0 ? result.PeakResident.Bytes : null,
                SampledPeakAnonymousBytes = result.SampleCount > 0 ? result.PeakAnonymousResident.Bytes : null,
                SampledPeakFileBytes = result.SampleCount > 0 ? result.PeakFileResident.Bytes : null,
                SamplerMeanIntervalMs = result.MeanIntervalMs,
                SamplerMaxIntervalMs = result.MaxIntervalMs,
                Phases = phases,
                Gpu = GpuFigures(),
            },
        };
    }

    private GpuMemoryResult GpuFigures() => gpuResult switch
    {
        { IsAvailable: true } g => new GpuMemoryResult
        {
            Available = true,
            PeakDeviceUsedBytes = g.PeakDeviceUsed.Bytes,
            PeakDeviceUsedDeltaBytes = g.PeakDeviceUsedDeltaBytes,
            PeakProcessUsedBytes = g.PeakProcessUsed?.Bytes,
        },
        { } g => new GpuMemoryResult { UnavailableReason = g.UnavailableReason ?? "no GPU" },
        null => new GpuMemoryResult { UnavailableReason = gpuUnavailableReason ?? "no GPU" },
    };

    public void Dispose()
    {
        Stop();
        sampler.Dispose();
        gpuSampler?.Dispose();
        gpuReader?.Dispose();
    }
}
