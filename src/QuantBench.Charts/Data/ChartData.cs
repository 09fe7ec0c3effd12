using System.Collections.Immutable;
using QuantBench.Results;
using QuantBench.Tasks;

namespace QuantBench.Charts.Data;

/// <summary>
/// Everything the charts draw. <see cref="From"/> fills what a <see cref="RunResult"/> holds today; the optional
/// parts (VRAM, bandwidth, batch sweep, quality) stay empty until measured, and their charts are then left out.
/// </summary>
public sealed record ChartData
{
    /// <summary>The levels that succeeded with a latency test, most bits per weight first.</summary>
    public required ImmutableArray<ModelResult> Levels { get; init; }

    /// <summary>Peak GPU memory per level label, where measured.</summary>
    public ImmutableDictionary<string, long> PeakVramBytes { get; init; } = ImmutableDictionary<string, long>.Empty;

    /// <summary>The machine's memory bandwidth, for the decode roofline; null when not measured.</summary>
    public double? MemoryBandwidthBytesPerSecond { get; init; }

    public ImmutableArray<ThroughputCurve> ThroughputCurves { get; init; } = [];

    /// <summary>The short name of what <see cref="QualityPoints"/> measure, used in sentences, e.g. <c>KLD</c>.</summary>
    public string QualityMetric { get; init; } = "KLD";

    /// <summary>What <see cref="QualityPoints"/> measure, as an axis label with its unit.</summary>
    public string QualityAxisLabel { get; init; } = "mean KLD against the baseline (nats)";

    public ImmutableArray<QualityPoint> QualityPoints { get; init; } = [];

    /// <summary>Each level's accuracy on each task file, where tasks were scored.</summary>
    public ImmutableArray<TaskAccuracyPoint> TaskPoints { get; init; } = [];

    public static ChartData From(RunResult run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return new ChartData
        {
            Levels = run.Models
                .Where(m => m.Status == ModelStatus.Succeeded && m.Latency is { Requests.Length: > 0 })
                .OrderByDescending(m => m.Model.BitsPerWeight)
                .ToImmutableArray(),
            MemoryBandwidthBytesPerSecond = run.MemoryBandwidth?.BytesPerSecond,
            PeakVramBytes = run.Models
                .Where(m => m.Memory?.Gpu is { Available: true, PeakProcessUsedBytes: not null } || m.Memory?.Gpu is { Available: true, PeakDeviceUsedDeltaBytes: not null })
                .ToImmutableDictionary(m => m.Model.Label, m => m.Memory!.Gpu!.PeakProcessUsedBytes ?? m.Memory.Gpu.PeakDeviceUsedDeltaBytes!.Value),
            ThroughputCurves = run.Models
                .Where(m => m.Throughput?.BatchSweep is { Points.Length: > 0 })
                .OrderByDescending(m => m.Model.BitsPerWeight)
                .Select(m => new ThroughputCurve(m.Model.Label, m.Throughput!.BatchSweep!.Points
                    .Select(p => new ThroughputPoint(p.BatchSize, p.GeneratedTokensPerSecond.Median, p.GeneratedTokensPerSecond.HalfWidth))
                    .ToImmutableArray(), m.Throughput.BatchSweep.KneeBatchSize))
                .ToImmutableArray(),
            QualityPoints = run.Models
                .Where(m => m.Quality?.KlDivergence is not null)
                .OrderByDescending(m => m.Model.BitsPerWeight)
                .Select(m => new QualityPoint(m.Model.Label, m.Model.FileBytes, m.Quality!.KlDivergence!.MeanKld, m.Quality.KlDivergence.MeanKldUncertainty))
                .ToImmutableArray(),
            TaskPoints = run.Models
                .Where(m => m.Status == ModelStatus.Succeeded && !m.Tasks.IsDefaultOrEmpty)
                .SelectMany(m => m.Tasks.Select(t => new TaskAccuracyPoint(
                    TaskNames.Of(t.Kind, t.FileName), m.Model.Label, m.Model.FileBytes, t.Correct, t.Tasks, t.Accuracy, t.WilsonLow, t.WilsonHigh)))
                .ToImmutableArray(),
        };
    }
}
