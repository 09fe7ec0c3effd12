using System.Collections.Immutable;

namespace QuantBench.Tasks;

/// <summary>
/// A model's accuracy on one task file: correct tasks over scored tasks, with llama-perplexity's uncertainty
/// (the standard error sqrt(p(1 - p)/(n - 1)) it prints for Winogrande and multiple choice) and the 95%
/// Wilson score interval it prints for HellaSwag. Every task's outcome is kept so levels can be paired.
/// </summary>
public sealed record TaskAccuracy
{
    public required TaskKind Kind { get; init; }

    /// <summary>The task file's name (no folder).</summary>
    public required string FileName { get; init; }

    public required int AvailableTasks { get; init; }

    public required ImmutableArray<TaskOutcome> Outcomes { get; init; }

    public ImmutableArray<string> Notes { get; init; } = [];

    public int Tasks => Outcomes.Length;

    public int Correct => Outcomes.Count(o => o.Correct);

    /// <summary>Correct / scored, 0 to 1.</summary>
    public double Accuracy => Tasks == 0 ? 0 : (double)Correct / Tasks;

    public double StandardError => Tasks < 2 ? double.NaN : Math.Sqrt(Accuracy * (1 - Accuracy) / (Tasks - 1));

    /// <summary>The lower end of the 95% Wilson score interval of <see cref="Accuracy"/>.</summary>
    public double WilsonLow => AccuracyStatistics.Wilson(Correct, Tasks).Low;

    public double WilsonHigh => AccuracyStatistics.Wilson(Correct, Tasks).High;

    public static TaskAccuracy From(TaskSet set, ImmutableArray<TaskOutcome> outcomes) => new()
    {
        Kind = set.Kind,
        FileName = Path.GetFileName(set.FilePath),
        AvailableTasks = set.AvailableTasks,
        Outcomes = outcomes,
        Notes = set.Notes,
    };
}
