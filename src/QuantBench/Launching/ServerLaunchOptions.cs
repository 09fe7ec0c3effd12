namespace QuantBench.Launching;

/// <summary>How long a launched server may take to become ready and to stop, and where its log goes.</summary>
public sealed record ServerLaunchOptions
{
    /// <summary>Time from start to the first ready answer; a server slower than this fails its level.</summary>
    public TimeSpan ReadyTimeout { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>Time between SIGTERM to the process group and SIGKILL.</summary>
    public TimeSpan StopGracePeriod { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Gap between readiness probes.</summary>
    public TimeSpan ProbeInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The file that receives the server's standard output and error (created, or truncated).</summary>
    public required string LogPath { get; init; }

    /// <summary>How many log lines a failure message carries.</summary>
    public int LogTailLines { get; init; } = 20;

    /// <summary>Every problem at once; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (ReadyTimeout <= TimeSpan.Zero)
            problems.Add($"The ready timeout must be positive; got {ReadyTimeout.TotalSeconds} s.");
        if (StopGracePeriod < TimeSpan.Zero)
            problems.Add($"The stop grace period must not be negative; got {StopGracePeriod.TotalSeconds} s.");
        if (ProbeInterval <= TimeSpan.Zero)
            problems.Add($"The probe interval must be positive; got {ProbeInterval.TotalMilliseconds} ms.");
        if (string.IsNullOrWhiteSpace(LogPath))
            problems.Add("The server log path is empty.");
        if (LogTailLines < 1)
            problems.Add($"The log tail must keep at least one line; got {LogTailLines}.");
        return problems;
    }
}
