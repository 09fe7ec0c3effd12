namespace QuantBench.Memory;

/// <summary>Settings of a <see cref="MemorySampler"/>.</summary>
public sealed record MemorySamplerOptions
{
    /// <summary>The process to watch; the current one by default.</summary>
    public int ProcessId { get; init; } = Environment.ProcessId;

    /// <summary>
    /// Sum over the process, its descendants and its process group (a server started through a wrapper
    /// script), membership re-read every few readings; VmHWM is then the sum of the members' marks.
    /// </summary>
    public bool IncludeProcessTree { get; init; }

    /// <summary>Target gap between readings; 5 ms (200 Hz) by default, at most 10 ms (100 Hz).</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromMilliseconds(5);

    /// <summary>Keep every reading (up to <see cref="MaxSeriesLength"/>) and not only the peaks.</summary>
    public bool RecordSeries { get; init; }

    /// <summary>Cap on kept readings; 120,000 is ten minutes at 200 Hz (about 4 MB).</summary>
    public int MaxSeriesLength { get; init; } = 120_000;

    /// <summary>Reset VmHWM at Start so the kernel's peak covers only this sampling.</summary>
    public bool ResetHighWaterMark { get; init; } = true;

    /// <summary>Name of the phase current at Start.</summary>
    public string InitialPhase { get; init; } = "baseline";

    /// <summary>The slowest interval allowed: slower sampling misses the short prefill spikes.</summary>
    public static readonly TimeSpan MaxInterval = TimeSpan.FromMilliseconds(10);

    /// <summary>Returns every problem with these settings at once; empty when they are valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Interval <= TimeSpan.Zero || Interval > MaxInterval)
            problems.Add($"Interval must be above 0 and at most {MaxInterval.TotalMilliseconds} ms (100 Hz); got {Interval.TotalMilliseconds} ms.");
        if (MaxSeriesLength < 1)
            problems.Add($"MaxSeriesLength must be at least 1; got {MaxSeriesLength}.");
        if (string.IsNullOrWhiteSpace(InitialPhase))
            problems.Add("InitialPhase must not be empty.");
        if (ProcessId <= 0)
            problems.Add($"ProcessId must be positive; got {ProcessId}.");
        return problems;
    }
}
