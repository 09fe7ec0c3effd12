using System.Runtime.InteropServices;

namespace QuantBench.Machine;

/// <summary>
/// Pins the calling thread to one CPU through Linux's <c>sched_setaffinity</c> (.NET pins processes, not threads),
/// so that the bandwidth probe's readers neither migrate nor share a core; elsewhere nothing is pinned.
/// </summary>
internal static class ThreadAffinity
{
    // cpu_set_t of glibc: 1024 bits.
    private const int MaskWords = 1024 / 64;

    /// <summary>The CPUs this process may run on, in order; empty when they cannot be read (not Linux).</summary>
    public static int[] AllowedCpus()
    {
        if (!OperatingSystem.IsLinux())
        {
            return [];
        }

        var mask = new ulong[MaskWords];
        try
        {
            if (SchedGetAffinity(0, MaskWords * sizeof(ulong), mask) != 0)
            {
                return [];
            }
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return [];
        }

        return [.. Enumerable.Range(0, MaskWords * 64).Where(cpu => (mask[cpu / 64] & (1UL << (cpu % 64))) != 0)];
    }

    /// <summary>Pins the calling thread to <paramref name="cpu"/>; false when that is not possible.</summary>
    public static bool PinCurrentThread(int cpu)
    {
        if (!OperatingSystem.IsLinux() || cpu < 0 || cpu >= MaskWords * 64)
        {
            return false;
        }

        var mask = new ulong[MaskWords];
        mask[cpu / 64] = 1UL << (cpu % 64);
        try
        {
            // pid 0 is the calling thread.
            return SchedSetAffinity(0, MaskWords * sizeof(ulong), mask) == 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [DllImport("libc", EntryPoint = "sched_setaffinity", SetLastError = true)]
    private static extern int SchedSetAffinity(int pid, nint cpuSetSize, ulong[] mask);

    [DllImport("libc", EntryPoint = "sched_getaffinity", SetLastError = true)]
    private static extern int SchedGetAffinity(int pid, nint cpuSetSize, ulong[] mask);
}
