using System.ComponentModel;
using System.Collections.Immutable;
using QuantBench.Engines;
using QuantBench.Models;
using QuantBench.Running;
using QuantBench.Settings;
using QuantBench.Statistics;
using QuantBench.Tasks;
using Spectre.Console;
using Spectre.Console.Cli;

namespace QuantBench.Cli.Commands;

/// <summary>Options of <c>quantbench run</c>: the task-accuracy scenario.</summary>
internal sealed partial class RunSettings
{
    [CommandOption("--tasks <LIST>")]
    [Description("Task files to score, as llama-perplexity does: hellaswag:FILE,winogrande:FILE,mc:FILE (adds the tasks scenario)")]
    public string? Tasks { get; init; }

    [CommandOption("--task-count <N>")]
    [Description("Tasks per file (default: llama-perplexity's, 400 for HellaSwag, all for Winogrande and multiple choice)")]
    public int? TaskCount { get; init; }

    [CommandOption("--task-ctx <N>")]
    [Description("Context per task sequence, llama-perplexity's -c (default 512)")]
    [DefaultValue(512)]
    public int TaskContext { get; init; } = 512;

    [CommandOption("--task-parallel <N>")]
    [Description("Sequences per batch of tasks, llama-perplexity's -np (at least 4, its default)")]
    [DefaultValue(4)]
    public int TaskParallel { get; init; } = 4;

    /// <summary>--tasks adds the tasks scenario to those asked for.</summary>
    private ImmutableArray<Scenario> WithTasks(ImmutableArray<Scenario> scenarios) =>
        string.IsNullOrWhiteSpace(Tasks) || scenarios.Contains(Scenario.Tasks) ? scenarios : scenarios.Add(Scenario.Tasks);

    private TaskSettings ToTaskSettings() => new()
    {
        Files = [.. TaskFileSpec.ParseList(Tasks, [])],
        TaskCount = TaskCount,
        ContextPerSequence = TaskContext,
        Parallel = TaskParallel,
    };
}
