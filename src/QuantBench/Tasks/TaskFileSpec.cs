namespace QuantBench.Tasks;

/// <summary>One task file to score and its format, as given on the command line (<c>hellaswag:FILE</c>).</summary>
public sealed record TaskFileSpec(TaskKind Kind, string Path)
{
    /// <summary>Parses <c>hellaswag:FILE,winogrande:FILE,mc:FILE</c>; every problem is one line in <paramref name="problems"/>.</summary>
    public static IReadOnlyList<TaskFileSpec> ParseList(string? text, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var specs = new List<TaskFileSpec>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return specs;
        }

        foreach (string part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int colon = part.IndexOf(':', StringComparison.Ordinal);
            TaskKind? kind = colon < 0 ? null : part[..colon].Trim().ToLowerInvariant() switch
            {
                "hellaswag" => TaskKind.HellaSwag,
                "winogrande" => TaskKind.Winogrande,
                "mc" or "multiple-choice" => TaskKind.MultipleChoice,
                _ => null,
            };
            if (kind is null || colon == part.Length - 1)
            {
                problems.Add($"--tasks: '{part}' is not KIND:FILE with KIND hellaswag, winogrande or mc");
                continue;
            }

            specs.Add(new TaskFileSpec(kind.Value, part[(colon + 1)..]));
        }

        return specs;
    }

    /// <summary>Reads and selects the file's tasks; throws <see cref="TaskFileException"/> for a malformed file.</summary>
    public TaskSet Read(int? taskCount) => Kind switch
    {
        TaskKind.HellaSwag => HellaSwagReader.Read(Path, taskCount ?? HellaSwagReader.DefaultTaskCount),
        TaskKind.Winogrande => WinograndeReader.Read(Path, taskCount ?? 0),
        TaskKind.MultipleChoice => MultipleChoiceReader.Read(Path, taskCount ?? 0),
        _ => throw new ArgumentOutOfRangeException(nameof(Kind), Kind, "unknown task kind"),
    };
}
