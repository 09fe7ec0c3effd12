namespace QuantBench.Gguf;

/// <summary>A file is not a valid GGUF file; carries the file and a one-line reason.</summary>
public sealed class GgufFormatException : Exception
{
    public GgufFormatException(string path, string reason)
        : base($"{path}: {reason}")
    {
        Path = path;
        Reason = reason;
    }

    /// <summary>The file that was read.</summary>
    public string Path { get; }

    /// <summary>What is wrong with it, in one line.</summary>
    public string Reason { get; }
}
