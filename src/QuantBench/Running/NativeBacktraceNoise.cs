using System.Text.RegularExpressions;

namespace QuantBench.Running;

/// <summary>
/// Tells llama.cpp's own abort message from the backtrace ggml prints after it (through gdb when gdb is
/// installed, else backtrace_symbols): source lines gdb cannot find, thread lists, stack frames.
/// </summary>
public static partial class NativeBacktraceNoise
{
    /// <summary>True for a line of a debugger's or backtrace's output, which says nothing about the cause.</summary>
    public static bool IsNoise(string line) => Noise().IsMatch(line);

    /// <summary>True for the line in which llama.cpp or the C++ runtime says why it aborts.</summary>
    public static bool IsAbortMessage(string line) => AbortMessage().IsMatch(line);

    // gdb: "57\t./nptl/futex-internal.c: No such file or directory.", "57\tin ./nptl/futex-internal.c",
    // "#3  0x00007f... in __pthread_cond_wait_common (...) at ./nptl/pthread_cond_wait.c:503",
    // "[New LWP 17320]", "[Thread debugging using libthread_db enabled]", "Using host libthread_db library ...",
    // "[Inferior 1 (process 17317) detached]", "0x00007f... in __GI___wait4 (...)", "__futex_abstimed_wait_common64 (...) at ./nptl/futex-internal.c:57";
    // backtrace_symbols: "/usr/lib/libggml-base.so(+0x1a2b3) [0x7f...]".
    [GeneratedRegex(@"^\s*(\d+\s+(in\s+)?\S+\.(c|cc|cpp|h|S)(: No such file or directory\.?)?$"
        + @"|#\d+\s+"
        + @"|\[(New (LWP|Thread)|Thread debugging|Inferior \d+|Detaching after)"
        + @"|Using host libthread_db"
        + @"|warning: (Unable to find libthread_db|could not find '\.gnu_debugaltlink'|Error disabling address space randomization)"
        + @"|0x[0-9a-f]+ in "
        + @"|\S+ \(.*\) at \S+:\d+$"
        + @"|\S*\((\S*\+0x[0-9a-f]+)?\) \[0x[0-9a-f]+\]$)",
        RegexOptions.CultureInvariant)]
    private static partial Regex Noise();

    [GeneratedRegex(@"GGML_ASSERT|GGML_ABORT|: fatal error|terminate called|what\(\): ", RegexOptions.CultureInvariant)]
    private static partial Regex AbortMessage();
}
