namespace QuantBench.Engines;

/// <summary>How model weights reach memory: mapped from the file, read into private memory, or mapped and locked.</summary>
public enum LoadMode
{
    Mmap,
    NoMmap,
    Mlock,
}
