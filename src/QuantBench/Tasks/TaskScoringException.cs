namespace QuantBench.Tasks;

/// <summary>A task cannot be scored on this model (it does not fit the context, its choices tokenize alike); one line.</summary>
public sealed class TaskScoringException(string path, int number, string reason)
    : Exception($"{Path.GetFileName(path)}, task {number + 1}: {reason}")
{
    public string FilePath { get; } = path;

    public int TaskNumber { get; } = number;
}
