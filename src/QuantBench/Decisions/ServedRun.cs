using System.Collections.Immutable;
using QuantBench.Results;
using QuantBench.Serving;

namespace QuantBench.Decisions;

/// <summary>The served side of a results file: the request shape and plan every level shared, and the levels.</summary>
public sealed record ServedRun(ServingTarget Target, ServingSweepPlan Plan, ImmutableArray<ServedLevel> Levels)
{
    /// <summary>The served results in a run (<c>serve --url</c>, one level's folder of <c>serve --launch</c>, or its whole ladder); null for an in-process run.</summary>
    public static ServedRun? From(RunResult run)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (run.Serving is { } serving)
        {
            // A launched level's own results name its model file as the model.
            string? file = serving.Target.Model is { } m && m.EndsWith(".gguf", StringComparison.OrdinalIgnoreCase) ? m : null;
            return new ServedRun(serving.Target, serving.Plan, [new ServedLevel(file is null ? null : Path.GetFileNameWithoutExtension(file), file, serving.Points)]);
        }

        if (run.Ladder is { } ladder)
        {
            // Every level of a launched ladder (serve --launch), by its label and model file, with its server's memory.
            return new ServedRun(ladder.Target, ladder.Plan, [.. ladder.Levels.Select(l => new ServedLevel(l.Level, l.ModelPath, l.Points)
            {
                FileBytes = l.FileBytes,
                PeakResidentBytes = l.Memory?.PeakResidentBytes,
                PeakGpuBytes = l.Memory?.Gpu is { Available: true } gpu ? gpu.PeakProcessUsedBytes ?? gpu.PeakDeviceUsedBytes : null,
                Failure = l.Failure,
            })]);
        }

        return null;
    }
}
