using System.Collections.Immutable;
using QuantBench.Memory;
using QuantBench.Progress;
using QuantBench.Results;

namespace QuantBench.Latency;

/// <summary>
/// Attributes the kernel's high-water mark to phases inside the worker: at each phase change, VmHWM is
/// read (the finished phase's peak) and reset to the current resident set for the next phase.
/// </summary>
internal sealed class KernelPhaseTracker
{
    private readonly List<PhaseMemory> finished = [];
    private BenchmarkPhase? current;
    private bool resetWorks;

    internal KernelPhaseTracker(BenchmarkPhase initialPhase)
    {
        current = initialPhase;
        resetWorks = HighWaterMark.TryReset();
    }

    /// <summary>VmHWM over the worker's whole life: the largest of the phases' peaks (each reset starts from the current RSS).</summary>
    internal long PeakResidentBytes { get; private set; }

    internal void Enter(BenchmarkPhase phase)
    {
        if (phase == current)
        {
            return;
        }

        Close();
        current = phase;
        resetWorks = HighWaterMark.TryReset();
    }

    internal ImmutableArray<PhaseMemory> Finish()
    {
        Close();
        current = null;
        return [.. finished];
    }

    private void Close()
    {
        if (current is not { } phase)
        {
            return;
        }

        var snapshot = ProcessMemoryReader.Read();
        long? peak = snapshot?.PeakResidentBytes;
        PeakResidentBytes = Math.Max(PeakResidentBytes, peak ?? 0);
        finished.Add(new PhaseMemory { Phase = phase.Name(), KernelPeakResidentBytes = resetWorks ? peak : null });
    }
}
