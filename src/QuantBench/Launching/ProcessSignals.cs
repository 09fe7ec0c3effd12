using System.Runtime.InteropServices;

namespace QuantBench.Launching;

/// <summary>kill(2) for a process group or one process, which System.Diagnostics.Process cannot send.</summary>
public static class ProcessSignals
{
    /// <summary>SIGKILL.</summary>
    public const int Kill = 9;

    /// <summary>SIGTERM.</summary>
    public const int Terminate = 15;

    /// <summary>Sends <paramref name="signal"/> to every process of group <paramref name="processGroupId"/>; false when none is left.</summary>
    public static bool SignalGroup(int processGroupId, int signal)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(processGroupId, 2);
        return OperatingSystem.IsLinux() && NativeKill(-processGroupId, signal) == 0;
    }

    /// <summary>Sends <paramref name="signal"/> to one process; false when it is gone.</summary>
    public static bool SignalProcess(int processId, int signal)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(processId, 2);
        return OperatingSystem.IsLinux() && NativeKill(processId, signal) == 0;
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int NativeKill(int pid, int sig);
}
