using LLama.Native;

namespace QuantBench.LlamaCpp;

/// <summary>The last lines llama.cpp logged, kept so that a failure can be explained; nothing is printed.</summary>
internal sealed class NativeLog(int capacity)
{
    private readonly Queue<string> lines = new();
    private readonly Lock gate = new();

    /// <summary>Where lines are also written as they arrive, or null.</summary>
    internal TextWriter? Echo { get; set; }

    internal void Add(LLamaLogLevel level, string message)
    {
        string text = message.TrimEnd();
        if (text.Length == 0)
        {
            return;
        }

        lock (gate)
        {
            string line = $"{level}: {text}";
            lines.Enqueue(line);
            added++;
            Echo?.WriteLine("llama.cpp " + line);
            while (lines.Count > capacity)
            {
                lines.Dequeue();
            }
        }
    }

    /// <summary>
    /// Why llama.cpp refused something: the first error line it logged (the specific cause, e.g. "unknown
    /// model architecture"; later lines only say that loading failed), else the last warning.
    /// </summary>
    internal string? LastProblem()
    {
        lock (gate)
        {
            var recent = lines.Reverse().TakeWhile(l => !l.Contains("loaded meta data", StringComparison.Ordinal)).Reverse().ToArray();
            var errors = recent.Where(l => l.StartsWith("Error", StringComparison.OrdinalIgnoreCase)).ToArray();
            string? specific = errors.FirstOrDefault(l => l.Contains("error loading model", StringComparison.OrdinalIgnoreCase)) ?? errors.FirstOrDefault();
            return specific ?? lines.LastOrDefault(l => l.StartsWith("Warning", StringComparison.OrdinalIgnoreCase));
        }
    }

    private long added;

    /// <summary>A mark for <see cref="Since"/>: the number of lines logged so far.</summary>
    internal long Mark()
    {
        lock (gate)
        {
            return added;
        }
    }

    /// <summary>The lines logged after <paramref name="mark"/> that are still kept.</summary>
    internal IReadOnlyList<string> Since(long mark)
    {
        lock (gate)
        {
            long newer = added - mark;
            return lines.Skip((int)Math.Max(0, lines.Count - newer)).ToArray();
        }
    }
}
