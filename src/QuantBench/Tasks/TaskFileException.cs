namespace QuantBench.Tasks;

/// <summary>A task file cannot be scored; the message is one line naming the file, the place and the problem.</summary>
public sealed class TaskFileException(string path, string location, string reason)
    : Exception($"{Path.GetFileName(path)}, {location}: {reason}")
{
    public string FilePath { get; } = path;

    /// <summary>"line N" or "byte N".</summary>
    public string Location { get; } = location;

    public string Reason { get; } = reason;

    public static TaskFileException AtLine(string path, int line, string reason) => new(path, $"line {line}", reason);

    public static TaskFileException AtByte(string path, long offset, string reason) => new(path, $"byte {offset}", reason);

    public static TaskFileException Whole(string path, string reason) => new(path, "whole file", reason);
}
