namespace QuantBench.Quality;

/// <summary>A quality evaluation cannot go on; the message is one line naming the file and the reason.</summary>
public sealed class QualityEvaluationException(string path, string reason) : Exception($"{Path.GetFileName(path)}: {reason}")
{
    public string FilePath { get; } = path;

    public string Reason { get; } = reason;
}
