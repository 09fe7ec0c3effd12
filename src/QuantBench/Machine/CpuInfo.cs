using System.Collections.Immutable;

namespace QuantBench.Machine;

/// <summary>What /proc/cpuinfo says about the CPU.</summary>
public sealed record CpuInfo
{
    /// <summary>"model name" of the first processor, or "unknown" (ARM kernels often omit it).</summary>
    public required string ModelName { get; init; }

    /// <summary>Number of "processor" entries: logical cores the kernel sees.</summary>
    public required int LogicalCores { get; init; }

    /// <summary>The flags that matter to llama.cpp kernels (see <see cref="CpuInfoParser.FlagsOfInterest"/>) that this CPU has.</summary>
    public required ImmutableArray<string> Flags { get; init; }
}
