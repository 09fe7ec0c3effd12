using QuantBench.Machine;

namespace QuantBench.Tests.Machine;

public sealed class ParserTests
{
    private const string CpuInfoX86 = """
        processor	: 0
        vendor_id	: AuthenticAMD
        model name	: AMD EPYC 9654 96-Core Processor
        flags		: fpu vme sse sse2 avx f16c fma avx2 avx512f avx512bw avx512vl avx512_bf16
        bogomips	: 4792.79

        processor	: 1
        vendor_id	: AuthenticAMD
        model name	: AMD EPYC 9654 96-Core Processor
        flags		: fpu vme sse sse2 avx f16c fma avx2 avx512f avx512bw avx512vl avx512_bf16

        """;

    private const string CpuInfoArm = """
        processor	: 0
        BogoMIPS	: 243.75
        Features	: fp asimd evtstrm aes pmull sha1 sha2 crc32 atomics fphp asimdhp cpuid asimdrdm lrcpc dcpop asimddp

        """;

    [Fact]
    public void Cpuinfo_gives_model_core_count_and_only_flags_of_interest()
    {
        var cpu = CpuInfoParser.Parse(CpuInfoX86);

        Assert.Equal("AMD EPYC 9654 96-Core Processor", cpu.ModelName);
        Assert.Equal(2, cpu.LogicalCores);
        Assert.Equal(["avx", "avx2", "fma", "f16c", "avx512f", "avx512bw", "avx512vl", "avx512_bf16"], cpu.Flags.ToArray());
        Assert.DoesNotContain("sse2", cpu.Flags.ToArray());
    }

    [Fact]
    public void Arm_cpuinfo_without_model_name_reads_unknown_and_takes_features_as_flags()
    {
        var cpu = CpuInfoParser.Parse(CpuInfoArm);

        Assert.Equal("unknown", cpu.ModelName);
        Assert.Equal(1, cpu.LogicalCores);
        Assert.Equal(["asimd", "asimddp"], cpu.Flags.ToArray());
    }

    [Fact]
    public void Meminfo_gives_total_and_available_in_bytes()
    {
        const string text = "MemTotal:       24683520 kB\nMemFree:        24360000 kB\nMemAvailable:   24382464 kB\nBuffers: 100 kB\n";

        var (total, available) = MemInfoParser.Parse(text);

        Assert.Equal(24683520L * 1024, total);
        Assert.Equal(24382464L * 1024, available);
    }

    [Fact]
    public void Meminfo_without_memavailable_gives_null_for_it()
    {
        var (total, available) = MemInfoParser.Parse("MemTotal: 1024 kB\n");

        Assert.Equal(1024L * 1024, total);
        Assert.Null(available);
    }

    [Fact]
    public void Loadavg_gives_three_averages()
    {
        Assert.Equal(new LoadAverage(0.61, 0.30, 0.12), LoadAverageParser.Parse("0.61 0.30 0.12 1/84 3625\n"));
        Assert.Null(LoadAverageParser.Parse("garbage"));
    }

    [Fact]
    public void Stat_gives_name_and_user_plus_system_ticks()
    {
        const string text = "1 (process_api) S 0 0 0 0 -1 4194560 23533 4174098 0 914 376 887 34885 11619 10 -10 13 0 19 43462656 2951";

        Assert.True(ProcStatParser.TryParse(text, out var name, out var ticks));
        Assert.Equal("process_api", name);
        Assert.Equal(376 + 887, ticks);
    }

    [Fact]
    public void Stat_name_with_spaces_and_parentheses_does_not_shift_fields()
    {
        const string text = "77 (my (odd) name) R 1 77 77 0 -1 4194304 97 0 0 0 12 34 0 0 20 0 1 0 381328";

        Assert.True(ProcStatParser.TryParse(text, out var name, out var ticks));
        Assert.Equal("my (odd) name", name);
        Assert.Equal(46, ticks);
    }

    [Fact]
    public void Truncated_stat_is_rejected()
    {
        Assert.False(ProcStatParser.TryParse("5 (x) S 1 2", out _, out _));
    }
}
