namespace QuantBench.Tasks;

/// <summary>How reports name task files and their kinds, e.g. <c>hellaswag-alice.txt (HellaSwag)</c>.</summary>
public static class TaskNames
{
    public static string Kind(TaskKind kind) => kind switch
    {
        TaskKind.HellaSwag => "HellaSwag",
        TaskKind.Winogrande => "Winogrande",
        _ => "multiple choice",
    };

    public static string Of(TaskKind kind, string fileName) => $"{fileName} ({Kind(kind)})";
}
