namespace QuantBench.Memory;

/// <summary>Where a <see cref="MemorySampler"/> reads its snapshots: one process, or a process tree summed.</summary>
internal interface IProcStatusSource : IDisposable
{
    /// <summary>A fresh snapshot, or null when nothing is left to read.</summary>
    ProcessMemorySnapshot? Read();
}
