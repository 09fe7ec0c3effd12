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

}
