using System.Collections.Immutable;
using System.Globalization;

namespace QuantBench.Tasks;

/// <summary>
/// llama-perplexity's HellaSwag file: six lines per task (context; the gold ending's index 0-3; four endings),
/// of which <c>count</c> tasks are drawn in its seeded order (400 by default).
/// </summary>
public static class HellaSwagReader
{
    public const int DefaultTaskCount = 400;
    private const int LinesPerTask = 6;
    private const int Endings = 4;

    public static TaskSet Read(string path, int count = DefaultTaskCount)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Parse(path, TaskText.Read(path), count);
    }

    /// <summary>Parses the text (its one trailing newline already dropped) and selects the tasks.</summary>
    public static TaskSet Parse(string path, string text, int count = DefaultTaskCount)
    {
        var lines = text.Split('\n');
        int lineCount = lines.Length;
        if (lineCount > 0 && lines[^1].Length == 0)
        {
            lineCount--;
        }

        if (lineCount == 0)
        {
            throw TaskFileException.Whole(path, "no tasks (an empty HellaSwag file)");
        }

        if (lineCount % LinesPerTask != 0)
        {
            int complete = lineCount / LinesPerTask;
            throw TaskFileException.AtLine(path, complete * LinesPerTask + 1,
                $"{lineCount} lines is not a multiple of 6 (a HellaSwag task is a context, the gold index and 4 endings); the task starting here is incomplete");
        }

        int available = lineCount / LinesPerTask;
        var all = new ChoiceTask[available];
        for (int t = 0; t < available; t++)
        {
            int first = t * LinesPerTask;
            string label = lines[first + 1].Trim();
            if (!int.TryParse(label, NumberStyles.Integer, CultureInfo.InvariantCulture, out int gold) || gold is < 0 or >= Endings)
            {
                throw TaskFileException.AtLine(path, first + 2, $"the gold ending index must be 0, 1, 2 or 3, not '{Shorten(lines[first + 1])}'");
            }

            var labels = new int[Endings];
            labels[gold] = 1;
            all[t] = new ChoiceTask(t, lines[first], [.. lines.AsSpan(first + 2, Endings)], [.. labels]);
        }

        var order = TaskSelection.HellaSwag(available, count);
        return new TaskSet
        {
            Kind = TaskKind.HellaSwag,
            FilePath = path,
            AvailableTasks = available,
            ChoiceTasks = [.. order.Select(i => all[i])],
        };
    }

    internal static string Shorten(string value) => value.Length <= 40 ? value.TrimEnd('\r') : value[..40] + "...";
}
