namespace QuantBench.Engines;

/// <summary>A model could not be quantized to a type; the message is one line naming the file, the type and why.</summary>
public sealed class QuantizationException(string message) : Exception(message);
