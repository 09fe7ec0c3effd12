using System.Collections.Immutable;
using System.Diagnostics;
using QuantBench.Memory;
using QuantBench.Results;
using QuantBench.Serving;

namespace QuantBench.Launching;

/// <summary>
/// Watches a launched server's memory as <c>run</c> watches a worker's: the 200 Hz sampler over the whole
/// process tree (a wrapper script's children included), VmHWM reset at each phase start where allowed,
/// and GPU memory through NVML summed over the tree. Phases: "idle" from Start, then each load point.
/// </summary>
public sealed class ServerMemoryWatch : IDisposable
{
    /// <summary>The phase current from Start: the server loaded, no request yet.</summary>
    public const string IdlePhase = "idle";

    private static readonly TimeSpan MembershipRefresh = TimeSpan.FromMilliseconds(250);
    private readonly int _rootProcessId;
    private readonly MemorySampler _sampler;
    private readonly GpuMemorySampler? _gpuSampler;
    private readonly string? _gpuUnavailableReason;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, long?> _kernelPeaks = [];
    private readonly Stopwatch _membershipAge = new();
    private IReadOnlyCollection<int> _members = [];
    private int _mostMembers;
    private string _phase = IdlePhase;
    private bool _resetHeld;
    private ServerMemoryResult? _result;

    /// <summary>Starts watching <paramref name="rootProcessId"/>'s tree; <paramref name="gpu"/> (not owned) null for no GPU reading.</summary>
    public ServerMemoryWatch(int rootProcessId, GpuMemoryReader? gpu, string gpuUnavailableReason = "no GPU")
    {
        _rootProcessId = rootProcessId;
        _members = Members();
        _sampler = new MemorySampler(new MemorySamplerOptions
        {
            ProcessId = rootProcessId,
            IncludeProcessTree = true,
            ResetHighWaterMark = true,
            InitialPhase = IdlePhase,
        });
        _sampler.Start();
        _resetHeld = HighWaterMark.TryResetTree(rootProcessId);
        if (gpu is null)
        {
            _gpuUnavailableReason = gpuUnavailableReason;
            return;
        }

        _gpuSampler = new GpuMemorySampler(gpu, Members);
        _gpuSampler.Start();
    }

    /// <summary>Attributes what follows to <paramref name="phase"/> (a load point), closing the current one.</summary>
    public void MarkPhase(string phase)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(phase);
        lock (_gate)
        {
            if (_result is not null)
                throw new InvalidOperationException("The watch has stopped.");
            ClosePhase();
            _phase = phase;
            _sampler.MarkPhase(phase);
            _resetHeld = HighWaterMark.TryResetTree(_rootProcessId);
        }
    }

    /// <summary>Stops sampling and returns the figures; later calls return the same.</summary>
    public ServerMemoryResult Stop()
    {
        lock (_gate)
        {
            if (_result is not null)
                return _result;
            ClosePhase();
            var sampled = _sampler.Stop();
            var gpu = _gpuSampler?.Stop();
            var phases = sampled.Phases.Select(p => new ServerPhaseMemory
            {
                Phase = p.Phase,
                SampleCount = p.SampleCount,
                SampledPeakResidentBytes = p.PeakResident.Bytes,
                SampledPeakAnonymousBytes = p.PeakAnonymousResident.Bytes,
                SampledPeakFileBytes = p.PeakFileResident.Bytes,
                LastResidentBytes = p.LastResidentBytes,
                KernelPeakResidentBytes = _kernelPeaks.GetValueOrDefault(p.Phase),
            }).ToImmutableArray();
            var idle = phases.FirstOrDefault(p => p.Phase == IdlePhase);
            _result = new ServerMemoryResult
            {
                IdleResidentBytes = idle?.LastResidentBytes ?? 0,
                PeakResidentBytes = phases.Select(p => Math.Max(p.SampledPeakResidentBytes, p.KernelPeakResidentBytes ?? 0)).DefaultIfEmpty(0).Max(),
                PeakAnonymousBytes = sampled.PeakAnonymousResident.Bytes,
                PeakFileBytes = sampled.PeakFileResident.Bytes,
                ProcessCount = _mostMembers,
                SamplerMeanIntervalMs = sampled.MeanIntervalMs,
                SamplerMaxIntervalMs = sampled.MaxIntervalMs,
                Phases = phases,
                Gpu = gpu switch
                {
                    { IsAvailable: true } g => new GpuMemoryResult
                    {
                        Available = true,
                        PeakDeviceUsedBytes = g.PeakDeviceUsed.Bytes,
                        PeakProcessUsedBytes = g.PeakProcessUsed?.Bytes,
                    },
                    { } g => new GpuMemoryResult { UnavailableReason = g.UnavailableReason ?? "no GPU" },
                    null => new GpuMemoryResult { UnavailableReason = _gpuUnavailableReason ?? "no GPU" },
                },
            };
            return _result;
        }
    }

    /// <summary>Stops a running watch.</summary>
    public void Dispose()
    {
        Stop();
        _sampler.Dispose();
        _gpuSampler?.Dispose();
    }

    private void ClosePhase()
    {
        // The tree's summed VmHWM since the phase's reset; only meaningful when every member's reset held.
        using var files = new ProcessTreeStatusFiles(_rootProcessId);
        var peak = files.Read()?.PeakResidentBytes;
        _mostMembers = Math.Max(_mostMembers, files.Members.Count);
        _kernelPeaks[_phase] = _resetHeld ? peak : null;
    }

    private IReadOnlyCollection<int> Members()
    {
        // The GPU sampler asks at each reading (20 ms); a scan of /proc is refreshed at most every 250 ms.
        lock (_membershipAge)
        {
            if (!_membershipAge.IsRunning || _membershipAge.Elapsed >= MembershipRefresh)
            {
                _members = ProcessTable.Read().TreeAndGroup(_rootProcessId);
                _mostMembers = Math.Max(_mostMembers, _members.Count);
                _membershipAge.Restart();
            }
            return _members;
        }
    }
}
