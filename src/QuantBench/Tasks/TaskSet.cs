using System.Collections.Immutable;

namespace QuantBench.Tasks;

/// <summary>
/// The tasks of one file that get scored, already selected and ordered as llama-perplexity would:
/// <see cref="ChoiceTasks"/> for HellaSwag and multiple choice, <see cref="WinograndeTasks"/> for Winogrande.
/// </summary>
public sealed record TaskSet
{
    public required TaskKind Kind { get; init; }

    public required string FilePath { get; init; }

    /// <summary>How many well-formed tasks the file holds.</summary>
    public required int AvailableTasks { get; init; }

    public ImmutableArray<ChoiceTask> ChoiceTasks { get; init; } = [];

    public ImmutableArray<WinograndeTask> WinograndeTasks { get; init; } = [];

    /// <summary>What a reader should know about how the file was read (a skipped header, a last line left out as llama-perplexity does).</summary>
    public ImmutableArray<string> Notes { get; init; } = [];

    public int Count => Kind == TaskKind.Winogrande ? WinograndeTasks.Length : ChoiceTasks.Length;
}
