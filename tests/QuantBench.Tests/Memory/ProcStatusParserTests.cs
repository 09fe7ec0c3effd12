using QuantBench.Memory;

namespace QuantBench.Tests.Memory;

public sealed class ProcStatusParserTests
{
    // Trimmed from a real Linux 6.x /proc/<pid>/status.
    private const string Sample = """
        Name:	dotnet
        Umask:	0022
        State:	S (sleeping)
        Pid:	4242
        VmPeak:	 3060124 kB
        VmSize:	 3060120 kB
        VmLck:	       0 kB
        VmHWM:	  812344 kB
        VmRSS:	  701212 kB
        RssAnon:	  420100 kB
        RssFile:	  280000 kB
        RssShmem:	    1112 kB
        VmData:	  500360 kB
        VmSwap:	      16 kB
        HugetlbPages:	       0 kB
        Threads:	17
        """;

    [Fact]
    public void Parses_memory_lines_from_kilobytes_to_bytes()
    {
        var s = ProcStatusParser.Parse(Sample);

        Assert.NotNull(s);
        Assert.Equal(701212L * 1024, s.ResidentBytes);
        Assert.Equal(812344L * 1024, s.PeakResidentBytes);
        Assert.Equal(420100L * 1024, s.AnonymousResidentBytes);
        Assert.Equal(280000L * 1024, s.FileResidentBytes);
        Assert.Equal(1112L * 1024, s.SharedMemoryResidentBytes);
        Assert.Equal(16L * 1024, s.SwapBytes);
    }

    [Fact]
    public void Kernel_thread_without_memory_lines_gives_null()
    {
        const string kernelThread = "Name:\tkworker/0:1\nState:\tI (idle)\nPid:\t12\nThreads:\t1\n";

        Assert.Null(ProcStatusParser.Parse(kernelThread));
    }

    [Fact]
    public void Missing_rss_split_of_old_kernels_reads_as_zero()
    {
        const string oldKernel = "VmHWM:\t  2048 kB\nVmRSS:\t  1024 kB\n";

        var s = ProcStatusParser.Parse(oldKernel);

        Assert.NotNull(s);
        Assert.Equal(1024L * 1024, s.ResidentBytes);
        Assert.Equal(0, s.AnonymousResidentBytes);
        Assert.Equal(0, s.FileResidentBytes);
    }

    [Fact]
    public void Malformed_value_is_ignored_not_misread()
    {
        const string text = "VmHWM:\t  2048 kB\nVmRSS:\t  lots kB\n";

        Assert.Null(ProcStatusParser.Parse(text));
    }

    [Fact]
    public void Reader_sees_own_process_with_plausible_figures()
    {
        var s = ProcessMemoryReader.Read();

        Assert.NotNull(s);
        Assert.InRange(s.ResidentBytes, 10L * 1024 * 1024, 64L * 1024 * 1024 * 1024);
        Assert.True(s.PeakResidentBytes >= s.ResidentBytes);
        Assert.Equal(s.ResidentBytes, s.AnonymousResidentBytes + s.FileResidentBytes + s.SharedMemoryResidentBytes);
    }

    [Fact]
    public void Reader_returns_null_for_a_process_that_does_not_exist()
    {
        Assert.Null(ProcessMemoryReader.Read(int.MaxValue));
    }
}
