using QuantBench.Launching;
using QuantBench.Reports;

namespace QuantBench.Tests.Launching;

public sealed class LadderMarkdownTests
{
    [Fact]
    public void Each_level_has_its_size_memory_single_stream_latency_and_best_rates()
    {
        var row = LadderMarkdown.Row(LadderSamples.Run().Ladder!.Levels[1]);

        // size 60, load 1.5 s, idle 80, peak 110, anon 40, file 60 MiB, no GPU; TTFT 50, ITL 10, TPOT 10 ms -> 100 tok/s; server 9 ms -> 111.1.
        Assert.Equal(["Q4_0", "60", "1.50", "80", "110", "40", "60", "no GPU", "50.0", "10.00", "100.0", "111.1", "200.0", "20.00"], row);
        Assert.Equal(LadderMarkdown.Headers.Count, row.Count);
    }

    [Fact]
    public void Peak_vram_is_shown_where_the_gpu_was_read()
    {
        var row = LadderMarkdown.Row(LadderSamples.Run(gpu: true).Ladder!.Levels[0]);

        Assert.Equal("300", row[LadderMarkdown.Headers.ToList().IndexOf("peak VRAM MiB")]);
    }

    [Fact]
    public void A_failed_level_keeps_its_row_reason_and_log_tail_and_the_others_stand()
    {
        string md = MarkdownExporter.Render(LadderSamples.Run());

        Assert.Contains("| Q8_0 | 100 | 1.50 |", md);
        Assert.Contains("| Q2_K | 40 | failed: the server exited with code 1 before it was ready |", md);
        Assert.Contains("## Q2_K: the server exited with code 1 before it was ready", md);
        Assert.Contains("error: unknown model", md);
        Assert.Contains("| Q4_0 | 80.0 | 200.0 |", md);   // output tok/s per load: c=1, c=4
    }

    [Fact]
    public void Compare_and_recommend_see_every_level_of_a_ladder_with_its_file_and_server_memory()
    {
        var served = QuantBench.Decisions.ServedRun.From(LadderSamples.Run())!;

        Assert.Equal(["Q8_0", "Q4_0", "Q2_K"], served.Levels.Select(l => l.Level!).ToArray());
        Assert.Equal("/models/Q4_0.gguf", served.Levels[1].ModelPath);
        Assert.Equal(2, served.Levels[1].Points.Length);
        Assert.Equal(110L * 1024 * 1024, served.Levels[1].PeakResidentBytes);
        Assert.Equal(60L * 1024 * 1024, served.Levels[1].FileBytes);
        Assert.Null(served.Levels[1].PeakGpuBytes);
        Assert.StartsWith("the server exited", served.Levels[2].Failure, StringComparison.Ordinal);
    }
}
