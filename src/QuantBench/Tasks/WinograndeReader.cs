using System.Collections.Immutable;
using System.Globalization;

namespace QuantBench.Tasks;

/// <summary>
/// llama-perplexity's Winogrande CSV: <c>index,sentence,choice 1,choice 2,answer</c> per line, the sentence
/// holding one '_' for the choice, optionally in double quotes (commas inside quotes are not separators);
/// answer 1 or 2. A first line whose answer is not a number is a header. As llama-perplexity reads the file,
/// a last line not followed by an empty line is left out (it drops the file's final newline, then stops at a
/// line without one); QuantBench does the same so both score the same tasks, and says so in the set's notes.
/// </summary>
public static class WinograndeReader
{
    public static TaskSet Read(string path, int count = 0)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Parse(path, TaskText.Read(path), count);
    }

    /// <summary>Parses the text (its one trailing newline already dropped); <paramref name="count"/> 0 scores all tasks.</summary>
    public static TaskSet Parse(string path, string text, int count = 0)
    {
        var lines = text.Split('\n');
        var notes = ImmutableArray.CreateBuilder<string>();
        var tasks = new List<WinograndeTask>();
        // The last piece has no newline after it: llama-perplexity never reads it.
        int readable = lines.Length - 1;
        for (int i = 0; i < readable; i++)
        {
            var task = ParseLine(path, lines[i], i + 1, tasks.Count, out string? header);
            if (task is not null)
            {
                tasks.Add(task);
            }
            else if (header is not null)
            {
                notes.Add($"line 1 read as a header: {header}");
            }
        }

        if (lines[^1].Length > 0)
        {
            notes.Add($"line {lines.Length} left out, as llama-perplexity leaves out a last line not followed by an empty line");
        }

        if (tasks.Count == 0)
        {
            throw TaskFileException.Whole(path, "no tasks (no Winogrande line before the last, which llama-perplexity does not read)");
        }

        var order = TaskSelection.Scaled(tasks.Count, count);
        return new TaskSet
        {
            Kind = TaskKind.Winogrande,
            FilePath = path,
            AvailableTasks = tasks.Count,
            WinograndeTasks = [.. order.Select(i => tasks[i])],
            Notes = notes.ToImmutable(),
        };
    }

    private static WinograndeTask? ParseLine(string path, string line, int lineNumber, int number, out string? header)
    {
        header = null;
        Span<int> commas = stackalloc int[4];
        int found = 0;
        bool quoted = false;
        for (int i = 0; i < line.Length && found < 4; i++)
        {
            if (line[i] == '"')
            {
                quoted = !quoted;
            }
            else if (line[i] == ',' && !quoted)
            {
                commas[found++] = i;
            }
        }

        if (found != 4)
        {
            throw TaskFileException.AtLine(path, lineNumber,
                line.Length == 0 ? "empty line (a Winogrande line is index,sentence,choice 1,choice 2,answer)" : $"{found} field separators where 4 are needed (index,sentence,choice 1,choice 2,answer)");
        }

        string answerText = line[(commas[3] + 1)..];
        bool numeric = int.TryParse(answerText.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int answer);
        if (!numeric || answer is not (1 or 2))
        {
            if (lineNumber == 1 && !numeric)
            {
                header = HellaSwagReader.Shorten(line);
                return null;
            }

            throw TaskFileException.AtLine(path, lineNumber, $"the answer must be 1 or 2, not '{HellaSwagReader.Shorten(answerText)}'");
        }

        string sentence;
        if (commas[0] + 1 < line.Length && line[commas[0] + 1] == '"')
        {
            int length = commas[1] - commas[0] - 3;
            if (length < 0)
            {
                throw TaskFileException.AtLine(path, lineNumber, "the quoted sentence is not closed before its field ends");
            }

            sentence = line.Substring(commas[0] + 2, length);
        }
        else
        {
            sentence = line.Substring(commas[0] + 1, commas[1] - commas[0] - 1);
        }

        int blank = sentence.IndexOf('_', StringComparison.Ordinal);
        if (blank < 0)
        {
            throw TaskFileException.AtLine(path, lineNumber, "the sentence has no '_' to put the choice in");
        }

        return new WinograndeTask(
            number,
            sentence[..blank],
            sentence[(blank + 1)..],
            line.Substring(commas[1] + 1, commas[2] - commas[1] - 1),
            line.Substring(commas[2] + 1, commas[3] - commas[2] - 1),
            answer);
    }
}
