namespace QuantBench.Memory;

/// <summary>
/// Polls GPU memory on a dedicated thread and keeps the baseline and peaks. NVML updates its figures
/// when the driver allocates, and allocations persist (weights, KV cache), so a coarser interval than
/// the RSS sampler's suffices; 20 ms by default.
/// </summary>
public sealed class GpuMemorySampler : IDisposable
{
    private readonly GpuMemoryReader _reader;
    private readonly Func<IReadOnlyCollection<int>> _processIds;
    private readonly TimeSpan _interval;
    private readonly Lock _gate = new();
    // spinCount 0: the default spins and yields first, which on a loaded machine stretches the interval.
    private readonly ManualResetEventSlim _stopSignal = new(false, spinCount: 0);
    private Thread? _thread;
    private GpuMemorySamplingResult? _result;
    private int _sampleCount;
    private long _baselineDeviceUsedBytes;
    private long _peakDeviceUsedBytes;
    private long _deviceTotalBytes;
    private long? _peakProcessUsedBytes;
    private string? _lastFailure;

    /// <summary>Creates a sampler over <paramref name="reader"/> (not owned) for <paramref name="processId"/>.</summary>
    public GpuMemorySampler(GpuMemoryReader reader, int processId, TimeSpan? interval = null)
        : this(reader, () => [processId], interval)
    {
    }

    /// <summary>
    /// Creates a sampler whose process figure sums the processes <paramref name="processIds"/> names at each
    /// reading (a server's process tree, which can change while it runs).
    /// </summary>
    public GpuMemorySampler(GpuMemoryReader reader, Func<IReadOnlyCollection<int>> processIds, TimeSpan? interval = null)
    {
        _reader = reader ?? throw new ArgumentNullException(nameof(reader));
        _processIds = processIds ?? throw new ArgumentNullException(nameof(processIds));
        _interval = interval ?? TimeSpan.FromMilliseconds(20);
        if (_interval <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(interval), _interval, "The interval must be positive.");
    }

    /// <summary>Takes the baseline reading and starts polling.</summary>
    public void Start()
    {
        lock (_gate)
        {
            if (_thread is not null)
                throw new InvalidOperationException("A GpuMemorySampler can be started only once.");
            _thread = new Thread(Run) { IsBackground = true, Name = "QuantBench GPU memory sampler" };
        }
        SampleOnce();
        _thread.Start();
    }

    /// <summary>Stops polling after one last reading; later calls return the same result.</summary>
    public GpuMemorySamplingResult Stop()
    {
        if (_thread is null)
            throw new InvalidOperationException("Stop needs a started sampler.");
        if (_result is not null)
            return _result;
        _stopSignal.Set();
        _thread.Join();
        SampleOnce();
        _result = Current();
        return _result;
    }

    /// <summary>Stops a running sampler; the reader stays open (its owner disposes it).</summary>
    public void Dispose()
    {
        if (_thread is not null && _result is null)
            Stop();
        _stopSignal.Dispose();
    }

    /// <summary>One reading folded into the figures; the polling thread's step, callable directly in tests.</summary>
    internal void SampleOnce()
    {
        var info = _reader.Read(_processIds());
        lock (_gate)
        {
            if (!info.IsAvailable)
            {
                _lastFailure = info.UnavailableReason;
                return;
            }
            var used = info.DeviceUsedBytes;
            if (_sampleCount == 0)
                _baselineDeviceUsedBytes = used;
            _sampleCount++;
            _peakDeviceUsedBytes = Math.Max(_peakDeviceUsedBytes, used);
            _deviceTotalBytes = info.DeviceTotalBytes;
            if (info.ProcessUsedBytes is long mine)
                _peakProcessUsedBytes = Math.Max(_peakProcessUsedBytes ?? 0, mine);
        }
    }

    /// <summary>The figures so far.</summary>
    internal GpuMemorySamplingResult Current()
    {
        lock (_gate)
        {
            if (_sampleCount == 0)
            {
                return new GpuMemorySamplingResult
                {
                    IsAvailable = false,
                    UnavailableReason = _lastFailure ?? "No GPU memory reading was taken.",
                    SampleCount = 0,
                };
            }
            return new GpuMemorySamplingResult
            {
                IsAvailable = true,
                SampleCount = _sampleCount,
                BaselineDeviceUsedBytes = _baselineDeviceUsedBytes,
                PeakDeviceUsed = new MemoryFigure(_peakDeviceUsedBytes, MemoryMeasurementMethod.Nvml),
                PeakProcessUsed = _peakProcessUsedBytes is long p ? new MemoryFigure(p, MemoryMeasurementMethod.Nvml) : null,
                DeviceTotalBytes = _deviceTotalBytes,
            };
        }
    }

    private void Run()
    {
        while (!_stopSignal.Wait(_interval))
            SampleOnce();
    }
}
