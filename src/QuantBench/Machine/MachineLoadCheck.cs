using System.Collections.Immutable;
using System.Globalization;

namespace QuantBench.Machine;

/// <summary>
/// Warns when the machine is too busy for trustworthy timings. Warnings, not errors: a user on a shared
/// machine may still want figures, but the report must say they were taken under load.
/// </summary>
public static class MachineLoadCheck
{
    /// <summary>Load average per core above which timings are suspect.</summary>
    public const double MaxLoadPerCore = 0.5;

    /// <summary>Every warning that applies to running <paramref name="requestedThreads"/> threads on <paramref name="machine"/>.</summary>
    public static ImmutableArray<MachineLoadWarning> Check(MachineFingerprint machine, int requestedThreads)
    {
        ArgumentNullException.ThrowIfNull(machine);
        ArgumentOutOfRangeException.ThrowIfLessThan(requestedThreads, 1);
        var c = CultureInfo.InvariantCulture;
        var warnings = ImmutableArray.CreateBuilder<MachineLoadWarning>();

        if (machine.LoadAverage is { } load && load.OneMinute > MaxLoadPerCore * machine.LogicalCores)
        {
            warnings.Add(new(MachineLoadWarningKind.HighLoadAverage, string.Format(c,
                "Load average {0:F2} is above {1:F1} ({2} x {3} cores): timings may be slowed by other work.",
                load.OneMinute, MaxLoadPerCore * machine.LogicalCores, MaxLoadPerCore, machine.LogicalCores)));
        }

        var busy = machine.BusyProcesses;
        if (busy.Length > 0)
        {
            var list = string.Join(", ", busy.Select(b => string.Format(c, "{0} ({1}) {2:P0}", b.Name, b.ProcessId, b.CoreShare)));
            warnings.Add(new(MachineLoadWarningKind.OtherProcessesBusy, $"{busy.Length} other process(es) using CPU: {list}."));
        }

        var freeCores = machine.LogicalCores - busy.Sum(b => b.CoreShare);
        if (freeCores < requestedThreads)
        {
            warnings.Add(new(MachineLoadWarningKind.TooFewFreeCores, string.Format(c,
                "{0} thread(s) requested but only {1:F1} of {2} cores are free: threads will share cores.",
                requestedThreads, Math.Max(0, freeCores), machine.LogicalCores)));
        }
        return warnings.ToImmutable();
    }
}
