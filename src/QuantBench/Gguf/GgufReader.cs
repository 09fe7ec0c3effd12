namespace QuantBench.Gguf;

/// <summary>
/// Reads and validates a GGUF file's header in managed code, so that a malformed or truncated file
/// is reported as a <see cref="GgufFormatException"/> before native code (which would crash) sees it.
/// Tensor data is not loaded.
/// </summary>
public static class GgufReader
{
    /// <exception cref="GgufFormatException">The file is not a valid GGUF v2/v3 file.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static GgufFile Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var stream = new FileStream(
            path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16, FileOptions.SequentialScan);
        return new GgufHeaderParser(stream, path).Parse();
    }
}
