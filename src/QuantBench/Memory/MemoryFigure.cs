namespace QuantBench.Memory;

/// <summary>A number of bytes together with the method that measured it.</summary>
public readonly record struct MemoryFigure(long Bytes, MemoryMeasurementMethod Method);
