using System.Collections.Immutable;

namespace QuantBench.Launching;

/// <summary>The last lines of a log file, for a failure message.</summary>
public static class LogTail
{
    /// <summary>Up to <paramref name="lineCount"/> last non-empty lines; empty when the file cannot be read.</summary>
    public static ImmutableArray<string> Read(string path, int lineCount)
    {
        try
        {
            var tail = new Queue<string>(lineCount + 1);
            using var reader = new StreamReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
            while (reader.ReadLine() is { } line)
            {
                if (line.Length == 0)
                    continue;
                tail.Enqueue(line);
                if (tail.Count > lineCount)
                    tail.Dequeue();
            }
            return [.. tail];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }
}
