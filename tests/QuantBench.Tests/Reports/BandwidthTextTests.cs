using QuantBench.Machine;
using QuantBench.Reports;
using QuantBench.Results;
using QuantBench.Tests.Charts;

namespace QuantBench.Tests.Reports;

public sealed class BandwidthTextTests
{
    private static MemoryBandwidthResult Probe(params double[] roundsGbps)
    {
        var rounds = new BandwidthRounds([.. roundsGbps.Select(g => g * 1e9)]);
        return new MemoryBandwidthResult
        {
            BytesPerSecond = rounds.Best,
            Threads = 2,
            BufferBytes = 256L << 20,
            Passes = 40,
            BestPassSeconds = 0.01,
            VectorBits = 256,
            RoundBytesPerSecond = rounds.BytesPerSecond,
            RelativeSpread = rounds.RelativeSpread,
            TriadBytesPerSecond = 18e9,
            RoundTriadBytesPerSecond = [18e9],
            PinnedCpus = [0, 1],
            L3CacheBytes = 32L << 20,
        };
    }

    private static RunResult WithRoofline(MemoryBandwidthResult bandwidth)
    {
        var run = SampleRuns.Ladder();
        return run with
        {
            MemoryBandwidth = bandwidth,
            Models = [.. run.Models.Select(m => m with
            {
                Roofline = new RooflineResult(bandwidth.BytesPerSecond, 100L << 20, 200, 150, 0.75),
                // report.md shows the roofline with the memory phases.
                Memory = m.Memory! with { Phases = [new PhaseMemory { Phase = "latency", KernelPeakResidentBytes = 1L << 30 }] },
            })],
        };
    }

    [Fact]
    public void The_conditions_show_every_round_the_spread_the_triad_and_the_pinned_cpus()
    {
        var line = RunConditions.Describe(WithRoofline(Probe(24.0, 23.5, 23.8))).Single(c => c.Name == "memory bandwidth").Value;

        Assert.Contains("24.0 GB/s read, best of 3 rounds (24.0, 23.5, 23.8; spread 2.1 %)", line, StringComparison.Ordinal);
        Assert.Contains("STREAM triad 18.0 GB/s", line, StringComparison.Ordinal);
        Assert.Contains("pinned to CPUs 0,1", line, StringComparison.Ordinal);
        Assert.DoesNotContain("not to be trusted", line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wide_spread_says_the_roofline_shares_are_not_to_be_trusted_in_the_conditions_and_the_roofline_section()
    {
        var run = WithRoofline(Probe(54.5, 27.0, 22.4));

        var line = RunConditions.Describe(run).Single(c => c.Name == "memory bandwidth").Value;
        string markdown = MarkdownExporter.Render(run);

        Assert.Contains("rounds differ by 59 %", line, StringComparison.Ordinal);
        Assert.Contains("(tg % of limit) are not to be trusted", line, StringComparison.Ordinal);
        string roofline = markdown[markdown.IndexOf("## Decode against the memory-bandwidth limit", StringComparison.Ordinal)..];
        Assert.Contains("are not to be trusted", roofline, StringComparison.Ordinal);
    }

    [Fact]
    public void A_probe_from_before_rounds_is_described_without_rounds_or_warning()
    {
        var old = new MemoryBandwidthResult { BytesPerSecond = 20e9, Threads = 2, BufferBytes = 256L << 20, Passes = 5, BestPassSeconds = 0.01, VectorBits = 256 };

        Assert.Equal("20.0 GB/s read; 2 threads, 5 read passes over 256.0 MiB", BandwidthText.Describe(old));
        Assert.Null(BandwidthText.TooWideWarning(old));
    }
}
