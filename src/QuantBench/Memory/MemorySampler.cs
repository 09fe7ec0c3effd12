using System.Collections.Immutable;
using System.Diagnostics;

namespace QuantBench.Memory;

/// <summary>
/// Samples a process's resident memory on a dedicated thread (not the thread pool, whose queueing
/// delays would stretch the interval), keeping peaks overall and per phase, and optionally the series.
/// Start, mark phases from any thread, Stop once; Dispose stops a running sampler.
/// </summary>
public sealed class MemorySampler : IDisposable
{
    private readonly MemorySamplerOptions _options;
    private readonly Lock _gate = new();
    private readonly Stopwatch _clock = new();
    private readonly List<PhaseAccumulator> _phases = [];
    private readonly List<MemorySample> _series = [];
    private readonly PhaseAccumulator _overall = new("all", 0);
    private IProcStatusSource? _statusFile;
    private Thread? _thread;
    private volatile bool _stopRequested;
    private bool _highWaterMarkWasReset;
    private bool _seriesTruncated;
    private double _lastSampleMs = double.NaN;
    private double _maxIntervalMs;
    private MemorySamplingResult? _result;

    /// <summary>Creates a sampler; nothing runs before <see cref="Start"/>.</summary>
    /// <exception cref="ArgumentException">The options are invalid; the message lists every problem.</exception>
    public MemorySampler(MemorySamplerOptions? options = null)
    {
        _options = options ?? new MemorySamplerOptions();
        var problems = _options.Validate();
        if (problems.Count > 0)
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
    }

    /// <summary>Whether sampling is under way.</summary>
    public bool IsRunning => _thread is not null && _result is null;

    /// <summary>Begins sampling; the initial phase is <see cref="MemorySamplerOptions.InitialPhase"/>.</summary>
    public void Start()
    {
        lock (_gate)
        {
            if (_thread is not null)
                throw new InvalidOperationException("A MemorySampler can be started only once.");
            if (_options.IncludeProcessTree)
            {
                _highWaterMarkWasReset = _options.ResetHighWaterMark && HighWaterMark.TryResetTree(_options.ProcessId);
                _statusFile = new ProcessTreeStatusFiles(_options.ProcessId);
            }
            else
            {
                _highWaterMarkWasReset = _options.ResetHighWaterMark && HighWaterMark.TryReset(_options.ProcessId);
                _statusFile = ProcStatusFile.TryOpen(_options.ProcessId);
            }
            _clock.Start();
            _phases.Add(new PhaseAccumulator(_options.InitialPhase, 0));
            _thread = new Thread(Run)
            {
                IsBackground = true,
                Name = "QuantBench memory sampler",
                Priority = ThreadPriority.AboveNormal,
            };
        }
        TakeSample();
        _thread.Start();
    }

    /// <summary>
    /// Attributes the readings from now on to <paramref name="name"/>. Cheap (no I/O), so it can sit
    /// on a timed path; a phase shorter than the interval may get no reading of its own.
    /// </summary>
    public void MarkPhase(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        lock (_gate)
        {
            if (!IsRunning)
                throw new InvalidOperationException("MarkPhase needs a running sampler.");
            var now = _clock.Elapsed.TotalMilliseconds;
            _phases[^1].EndMs = now;
            _phases.Add(new PhaseAccumulator(name, now));
        }
    }

    /// <summary>Stops sampling (taking one last reading) and returns the result; later calls return the same result.</summary>
    public MemorySamplingResult Stop()
    {
        if (_thread is null)
            throw new InvalidOperationException("Stop needs a started sampler.");
        if (_result is not null)
            return _result;

        _stopRequested = true;
        _thread.Join();
        TakeSample();

        lock (_gate)
        {
            var end = _clock.Elapsed.TotalMilliseconds;
            _phases[^1].EndMs = end;
            // For a tree, the sum of each process's VmHWM: an upper bound, as their peaks need not coincide.
            var kernelPeak = _options.IncludeProcessTree
                ? _statusFile?.Read()?.PeakResidentBytes
                : ProcessMemoryReader.Read(_options.ProcessId)?.PeakResidentBytes;
            _statusFile?.Dispose();
            var count = _overall.SampleCount;
            _result = new MemorySamplingResult
            {
                PeakResident = Sampled(_overall.PeakResidentBytes),
                PeakAnonymousResident = Sampled(_overall.PeakAnonymousBytes),
                PeakFileResident = Sampled(_overall.PeakFileBytes),
                KernelPeakResident = kernelPeak is long k ? new MemoryFigure(k, MemoryMeasurementMethod.KernelHighWaterMark) : null,
                HighWaterMarkWasReset = _highWaterMarkWasReset,
                SampleCount = count,
                DurationMs = end,
                MeanIntervalMs = count > 1 ? (_lastSampleMs - _overall.FirstSampleMs) / (count - 1) : 0,
                MaxIntervalMs = _maxIntervalMs,
                Phases = [.. _phases.Select(p => p.ToPeak())],
                Series = [.. _series],
                SeriesTruncated = _seriesTruncated,
            };
            return _result;
        }
    }

    /// <summary>Stops a running sampler and releases its file handle.</summary>
    public void Dispose()
    {
        if (IsRunning)
            Stop();
        _statusFile?.Dispose();
    }

    private void Run()
    {
        var intervalMs = _options.Interval.TotalMilliseconds;
        var nextMs = _clock.Elapsed.TotalMilliseconds + intervalMs;
        while (!_stopRequested)
        {
            // A plain sleep, not an event wait: ManualResetEventSlim spins and yields before blocking,
            // and on a loaded machine each yield can cost a time slice (gaps of 60-140 ms were seen).
            // Interval <= 10 ms, so polling the stop flag between readings keeps Stop prompt.
            var waitMs = nextMs - _clock.Elapsed.TotalMilliseconds;
            if (waitMs >= 1)
                Thread.Sleep((int)waitMs);
            if (_stopRequested)
                return;
            TakeSample();
            // Scheduling against deadlines keeps the mean on target despite millisecond sleeps; after falling
            // behind (the thread was descheduled), restart from now rather than fire catch-up readings.
            nextMs += intervalMs;
            var now = _clock.Elapsed.TotalMilliseconds;
            if (nextMs < now)
                nextMs = now + intervalMs;
        }
    }

    private void TakeSample()
    {
        // Only the sampler thread reads the file, except Start and Stop, which run while that thread is not running.
        var snapshot = _statusFile?.Read();
        if (snapshot is null)
            return;
        lock (_gate)
        {
            var now = _clock.Elapsed.TotalMilliseconds;
            if (!double.IsNaN(_lastSampleMs))
                _maxIntervalMs = Math.Max(_maxIntervalMs, now - _lastSampleMs);
            _lastSampleMs = now;
            _overall.Add(snapshot, now);
            _phases[^1].Add(snapshot, now);
            if (!_options.RecordSeries)
                return;
            if (_series.Count < _options.MaxSeriesLength)
                _series.Add(new MemorySample(now, snapshot.ResidentBytes, snapshot.AnonymousResidentBytes, snapshot.FileResidentBytes, _phases.Count - 1));
            else
                _seriesTruncated = true;
        }
    }

    private static MemoryFigure Sampled(long bytes) => new(bytes, MemoryMeasurementMethod.Sampler);

    /// <summary>Running figures for one phase; mutated under the sampler's lock only.</summary>
    private sealed class PhaseAccumulator
    {
        private readonly string _name;
        private readonly double _startMs;

        public PhaseAccumulator(string name, double startMs)
        {
            _name = name;
            _startMs = startMs;
            EndMs = startMs;
        }

        public double EndMs { get; set; }
        public int SampleCount { get; private set; }
        public double FirstSampleMs { get; private set; }
        public long PeakResidentBytes { get; private set; }
        public long PeakAnonymousBytes { get; private set; }
        public long PeakFileBytes { get; private set; }
        private long _firstResidentBytes;
        private long _lastResidentBytes;

        public void Add(ProcessMemorySnapshot s, double nowMs)
        {
            if (SampleCount == 0)
            {
                _firstResidentBytes = s.ResidentBytes;
                FirstSampleMs = nowMs;
            }
            _lastResidentBytes = s.ResidentBytes;
            SampleCount++;
            PeakResidentBytes = Math.Max(PeakResidentBytes, s.ResidentBytes);
            PeakAnonymousBytes = Math.Max(PeakAnonymousBytes, s.AnonymousResidentBytes);
            PeakFileBytes = Math.Max(PeakFileBytes, s.FileResidentBytes);
        }

        public MemoryPhasePeak ToPeak() => new()
        {
            Phase = _name,
            StartMs = _startMs,
            EndMs = EndMs,
            SampleCount = SampleCount,
            PeakResident = Sampled(PeakResidentBytes),
            PeakAnonymousResident = Sampled(PeakAnonymousBytes),
            PeakFileResident = Sampled(PeakFileBytes),
            FirstResidentBytes = _firstResidentBytes,
            LastResidentBytes = _lastResidentBytes,
        };
    }
}
