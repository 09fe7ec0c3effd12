using System.Collections.Immutable;

namespace QuantBench.Tasks;

/// <summary>The task-accuracy scenario's settings: the files, how many tasks, and llama-perplexity's context shape.</summary>
public sealed record TaskSettings
{
    public ImmutableArray<TaskFileSpec> Files { get; init; } = [];

    /// <summary>Tasks per file; null: llama-perplexity's defaults (400 for HellaSwag, all for the others).</summary>
    public int? TaskCount { get; init; }

    /// <summary>n_ctx per sequence (llama-perplexity's -c, default 512).</summary>
    public int ContextPerSequence { get; init; } = 512;

    /// <summary>Sequences in the context (llama-perplexity's -np, raised to at least 4).</summary>
    public int Parallel { get; init; } = 4;

    /// <summary>Every problem, one line each: unreadable or malformed files are found here, before any model runs.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Files.IsDefaultOrEmpty) problems.Add("the tasks scenario needs --tasks KIND:FILE");
        if (TaskCount < 1) problems.Add($"--task-count must be at least 1 (got {TaskCount})");
        if (ContextPerSequence < 8) problems.Add($"--task-ctx must be at least 8 (got {ContextPerSequence})");
        if (Parallel < 1) problems.Add($"--task-parallel must be at least 1 (got {Parallel})");
        foreach (var file in Files.IsDefault ? [] : Files)
        {
            if (!File.Exists(file.Path))
            {
                problems.Add($"--tasks: no such file {file.Path}");
                continue;
            }

            try
            {
                file.Read(TaskCount);
            }
            catch (TaskFileException e)
            {
                problems.Add(e.Message);
            }
        }

        return problems;
    }
}
