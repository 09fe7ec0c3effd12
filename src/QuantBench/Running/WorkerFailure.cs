namespace QuantBench.Running;

/// <summary>Turns a worker's exit into one line: the signal or exit code, and what it last said.</summary>
public static class WorkerFailure
{
    public static string Describe(int exitCode, IReadOnlyList<string> stderrTail)
    {
        // A worker reports its own failure as a last "error:" line; a crash leaves only the signal.
        string? own = stderrTail.LastOrDefault(l => l.StartsWith("error: ", StringComparison.Ordinal));
        if (own is not null)
        {
            return own["error: ".Length..];
        }

        string cause = exitCode > 128 && exitCode < 128 + 65
            ? $"the worker was killed by signal {exitCode - 128} ({SignalName(exitCode - 128)})"
            : $"the worker exited with code {exitCode}";
        var meaningful = stderrTail.Where(l => l.Trim().Length > 0 && !NativeBacktraceNoise.IsNoise(l)).ToArray();

        // llama.cpp's own words ("GGML_ASSERT(...) failed") say why it aborted; the lines after it are the backtrace.
        string? abort = meaningful.LastOrDefault(NativeBacktraceNoise.IsAbortMessage);
        if (abort is not null)
        {
            return $"{cause}; llama.cpp: {abort.Trim()}";
        }

        string last = string.Join(" | ", meaningful.TakeLast(3).Select(l => l.Trim()));
        return last.Length > 0 ? $"{cause}; last output: {last}" : cause;
    }

    private static string SignalName(int signal) => signal switch
    {
        6 => "SIGABRT",
        9 => "SIGKILL, e.g. the out-of-memory killer",
        11 => "SIGSEGV",
        15 => "SIGTERM",
        _ => "signal",
    };
}
