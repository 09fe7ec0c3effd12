namespace QuantBench.Memory;

/// <summary>A number of bytes together with the method that measured it.</summary>
public readonly record struct MemoryFigure(long Bytes, MemoryMeasurementMethod Method)
{
    /// <summary>Bytes in MiB, for display.</summary>
    public double Mebibytes => Bytes / (1024.0 * 1024.0);
}
