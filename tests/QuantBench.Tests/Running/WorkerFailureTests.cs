using QuantBench.Progress;
using QuantBench.Running;

namespace QuantBench.Tests.Running;

public sealed class WorkerFailureTests
{
    [Fact]
    public void A_kill_by_signal_names_the_signal()
    {
        string text = WorkerFailure.Describe(137, ["llama.cpp Info: load_tensors: loading model"]);
        Assert.Contains("signal 9", text);
        Assert.Contains("SIGKILL", text);
        Assert.Contains("load_tensors", text);
    }

    [Fact]
    public void The_workers_own_error_line_is_the_cause()
    {
        Assert.Equal("x.gguf: unknown model architecture", WorkerFailure.Describe(1, ["llama.cpp Info: something", "error: x.gguf: unknown model architecture"]));
    }

    [Fact]
    public void A_plain_exit_code_is_reported()
    {
        Assert.Equal("the worker exited with code 3", WorkerFailure.Describe(3, []));
    }

    // Captured from a real worker on a tiny model with llama.expert_used_count = 2 and no experts
    // (LLamaSharp 0.30.0's llama.cpp, gdb installed): stderr's last lines, then what gdb printed.
    private static readonly string[] RealAbortTail =
    [
        "llama.cpp Info: print_info: file type   = all F32",
        "llama.cpp Info: print_info: file size   = 13.96 MiB (32.00 BPW)",
        "/home/runner/work/LLamaSharp/LLamaSharp/src/llama-model.cpp:1117: GGML_ASSERT(hparams.n_expert_used <= hparams.n_expert) failed",
        "57\t./nptl/futex-internal.c: No such file or directory.",
        "503\t./nptl/pthread_cond_wait.c: No such file or directory.",
    ];

    private static readonly string[] GdbOutput =
    [
        "[New LWP 17320]",
        "[Thread debugging using libthread_db enabled]",
        "Using host libthread_db library \"/lib/x86_64-linux-gnu/libthread_db.so.1\".",
        "__futex_abstimed_wait_common64 (private=0, cancel=true, abstime=0x0, op=393, expected=0, futex_word=0x55802117ac20) at ./nptl/futex-internal.c:57",
        "#0  __futex_abstimed_wait_common64 (private=0, cancel=true, abstime=0x0, op=393, expected=0, futex_word=0x55802117ac20) at ./nptl/futex-internal.c:57",
        "57\tin ./nptl/futex-internal.c",
        "#2  0x00007f37b42a3f7b in __GI___futex_abstimed_wait_cancelable64 (futex_word=futex_word@entry=0x55802117ac20) at ./nptl/futex-internal.c:139",
        "#5  0x00007f37b4031612 in ?? () from /usr/share/dotnet/shared/Microsoft.NETCore.App/10.0.12/libcoreclr.so",
        "#15 0x00007f3734c99054 in ?? ()",
        "[Inferior 1 (process 17317) detached]",
        "/usr/lib/libggml-base.so(+0x1a2b3) [0x7f37b42a3f7b]",
    ];

    [Fact]
    public void A_native_abort_keeps_llama_cpps_message_and_drops_the_backtrace()
    {
        string text = WorkerFailure.Describe(134, RealAbortTail);

        Assert.Equal("the worker was killed by signal 6 (SIGABRT); llama.cpp: /home/runner/work/LLamaSharp/LLamaSharp/src/llama-model.cpp:1117: "
            + "GGML_ASSERT(hparams.n_expert_used <= hparams.n_expert) failed", text);
    }

    [Fact]
    public void Every_line_gdb_prints_is_noise_and_llama_cpps_lines_are_not()
    {
        Assert.All(GdbOutput.Concat(RealAbortTail.TakeLast(2)), line => Assert.True(NativeBacktraceNoise.IsNoise(line), line));
        Assert.All(RealAbortTail.Take(3), line => Assert.False(NativeBacktraceNoise.IsNoise(line), line));
    }

    [Fact]
    public void Without_an_abort_message_the_last_meaningful_lines_are_kept()
    {
        string text = WorkerFailure.Describe(139, ["llama.cpp Info: load_tensors: loading model", "llama.cpp Info: llama_context: n_ctx = 512", .. GdbOutput]);

        Assert.Equal("the worker was killed by signal 11 (SIGSEGV); last output: llama.cpp Info: load_tensors: loading model | llama.cpp Info: llama_context: n_ctx = 512", text);
    }
}
