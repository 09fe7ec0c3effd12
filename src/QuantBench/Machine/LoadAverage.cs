namespace QuantBench.Machine;

/// <summary>The kernel's run-queue averages from /proc/loadavg (runnable plus uninterruptible tasks).</summary>
public readonly record struct LoadAverage(double OneMinute, double FiveMinutes, double FifteenMinutes);
