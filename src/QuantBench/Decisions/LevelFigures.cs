using System.Collections.Immutable;
using QuantBench.Results;
using QuantBench.Tasks;

namespace QuantBench.Decisions;

/// <summary>
/// The figures a decision weighs for one quantization level: medians for latency and rate (the figures the
/// reports show), the true peak for memory, and quality where measured. Null means not measured.
/// </summary>
public sealed record LevelFigures
{
    public required string Label { get; init; }
    public long FileBytes { get; init; }
    public double BitsPerWeight { get; init; }
    public long? PeakResidentBytes { get; init; }
    public double? TimeToFirstTokenMs { get; init; }
    public double? DecodeTokensPerSecond { get; init; }
    public double? MeanKld { get; init; }

    /// <summary>Accuracy on each task file scored, paired against the baseline's.</summary>
    public ImmutableArray<TaskFigure> Tasks { get; init; } = [];

    /// <summary>Reads the figures of a successful model; <paramref name="meanKld"/> supplies quality (default: <see cref="QualityFigures.MeanKld"/>).</summary>
    /// <paramref name="taskBaseline"/> is the model task accuracy is paired against.
    public static LevelFigures From(ModelResult model, Func<ModelResult, double?>? meanKld = null, ModelResult? taskBaseline = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        var latency = model.Latency;
        return new LevelFigures
        {
            Label = model.Model.Label,
            FileBytes = model.Model.FileBytes,
            BitsPerWeight = model.Model.BitsPerWeight,
            PeakResidentBytes = model.Memory?.PeakResidentBytes is > 0 and var peak ? peak : null,
            TimeToFirstTokenMs = Finite(latency?.TimeToFirstTokenMs.Median),
            DecodeTokensPerSecond = Finite(latency?.DecodeTokensPerSecond.Median),
            MeanKld = Finite((meanKld ?? QualityFigures.MeanKld)(model)),
            Tasks = model.Tasks.IsDefaultOrEmpty ? [] : [.. model.Tasks.Select(t => TaskFigureOf(t, taskBaseline))],
        };
    }

    private static TaskFigure TaskFigureOf(TaskAccuracy accuracy, ModelResult? baseline)
    {
        var reference = baseline is null || baseline.Tasks.IsDefaultOrEmpty
            ? null
            : baseline.Tasks.FirstOrDefault(t => t.Kind == accuracy.Kind && t.FileName == accuracy.FileName);
        return new TaskFigure(accuracy.Kind, accuracy.FileName, accuracy.Correct, accuracy.Tasks,
            reference is null ? null : PairedAccuracyChange.Compare(reference, accuracy));
    }

    private static double? Finite(double? value) => value is { } v && double.IsFinite(v) ? v : null;
}
