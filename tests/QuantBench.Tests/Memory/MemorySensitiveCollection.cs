namespace QuantBench.Tests.Memory;

/// <summary>
/// Tests that measure this process's resident memory or saturate the CPU run alone: another test
/// allocating in parallel would show up in their figures.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MemorySensitiveCollection
{
    public const string Name = "Memory-sensitive (runs alone)";
}
