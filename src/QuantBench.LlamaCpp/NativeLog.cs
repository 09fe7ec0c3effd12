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
            Echo?.WriteLine("llama.cpp " + line);
            while (lines.Count > capacity)
            {
                lines.Dequeue();
            }
        }
    }

    /// <summary>The most recent error or warning line, which is usually why llama.cpp refused something.</summary>
    internal string? LastProblem()
    {
        lock (gate)
        {
            return lines.LastOrDefault(l => l.StartsWith("Error", StringComparison.OrdinalIgnoreCase)
                                             || l.StartsWith("Warning", StringComparison.OrdinalIgnoreCase));
        }
    }

    internal IReadOnlyList<string> Tail(int count)
    {
        lock (gate)
        {
            return lines.Skip(Math.Max(0, lines.Count - count)).ToArray();
        }
    }
}
