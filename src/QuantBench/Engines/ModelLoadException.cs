namespace QuantBench.Engines;

/// <summary>The engine could not load a model; the message is one line naming the file and the reason.</summary>
public sealed class ModelLoadException(string modelPath, string reason) : Exception($"{Path.GetFileName(modelPath)}: {reason}")
{
    public string ModelPath { get; } = modelPath;
    public string Reason { get; } = reason;
}
