using QuantBench.Progress;
using QuantBench.Running;

namespace QuantBench.Tests.Running;

public sealed class WorkerProtocolTests
{
    public static TheoryData<BenchmarkPhase> EveryPhase() => [.. Enum.GetValues<BenchmarkPhase>()];

    [Theory]
    [MemberData(nameof(EveryPhase))]
    public void Every_phase_reaches_the_parent(BenchmarkPhase phase)
    {
        string line = WorkerProtocol.FormatProgress(new BenchmarkProgress("in the worker", phase, 3, 10));

        Assert.True(WorkerProtocol.TryParseProgress(line, "Q4_K_M", out var parsed));
        Assert.Equal(new BenchmarkProgress("Q4_K_M", phase, 3, 10), parsed);
    }

    [Fact]
    public void Multi_word_phases_keep_their_display_names()
    {
        string[] names = [.. Enum.GetValues<BenchmarkPhase>().Select(p => p.Name())];

        Assert.Contains("batch sweep", names);
        Assert.Contains("mixed load", names);
        Assert.Contains("context depth", names);
        Assert.Contains("sample text", names);
        Assert.Equal(names.Length, names.Distinct().Count());
    }

    [Theory]
    [InlineData("llama.cpp Info: hello")]
    [InlineData("@progress measure 3 10")]
    [InlineData("@progress {\"phase\":\"NoSuchPhase\",\"done\":1,\"total\":2}")]
    [InlineData("@progress {\"phase\":99,\"done\":1,\"total\":2}")]
    public void Other_lines_are_not_progress(string line)
    {
        Assert.False(WorkerProtocol.TryParseProgress(line, "m", out _));
    }
}
