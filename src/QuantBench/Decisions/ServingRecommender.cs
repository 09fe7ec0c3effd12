using System.Collections.Immutable;
using QuantBench.Reports;
using QuantBench.Serving;
using QuantBench.Statistics;

namespace QuantBench.Decisions;

/// <summary>
/// Picks the level to serve from a launched ladder (docs/metrics.md, "quantbench recommend"): a level qualifies when
/// it meets every constraint (a figure a constraint needs but the ladder did not measure is a miss); among those, the
/// smallest file is chosen (ties: the higher goodput), as the level that leaves the most memory for the KV cache,
/// more slots or another model. Goodput is recomputed from the raw samples under the constraints' objective.
/// </summary>
public static class ServingRecommender
{
    public static ServingRecommendation Recommend(IReadOnlyList<ServedLevel> levels, ServingConstraints constraints)
    {
        ArgumentNullException.ThrowIfNull(levels);
        ArgumentNullException.ThrowIfNull(constraints);
        var measured = levels.Where(l => l.Failure is null && !l.Points.IsEmpty).ToList();
        var excluded = levels.Except(measured).Select(l => $"{l.Level ?? "the server"}: {l.Failure ?? "no load point measured"}").ToImmutableArray();
        var assessments = measured.Select(l => Assess(l, constraints)).ToImmutableArray();
        var (choice, reason) = Choose(assessments, constraints);
        return new ServingRecommendation { Constraints = constraints, Levels = assessments, Excluded = excluded, Choice = choice, Reason = reason };
    }

    private static (ServedLevelAssessment? Choice, string Reason) Choose(ImmutableArray<ServedLevelAssessment> levels, ServingConstraints constraints)
    {
        if (levels.IsEmpty)
        {
            return (null, "No level was measured successfully, so there is nothing to recommend.");
        }

        if (constraints.IsEmpty)
        {
            return (null, "No constraint given: every level qualifies. Give a rate and limits (e.g. --at-rate 4 --max-memory 8GiB) to get one choice.");
        }

        var feasible = levels.Where(l => l.MeetsAll).ToList();
        if (feasible.Count == 0)
        {
            var closest = levels.OrderBy(l => l.Violations.Length).ThenByDescending(l => l.GoodputRequestsPerSecond ?? 0).First();
            return (null, $"No level meets every constraint. The closest is {Name(closest)}, which misses: {string.Join("; ", closest.Violations)}.");
        }

        var smallest = feasible.OrderBy(l => l.Level.FileBytes ?? long.MaxValue).ThenByDescending(l => l.GoodputRequestsPerSecond ?? 0).First();
        string goodput = smallest.GoodputRequestsPerSecond is { } g ? $"; it serves {Units.Number(g, 2)} requests/s meeting {constraints.Objective} (at {smallest.GoodputLoad})" : "";
        return (smallest, feasible.Count == 1
            ? $"{Name(smallest)}: the only level that meets every constraint{goodput}."
            : $"{Name(smallest)}: the smallest file ({Units.Bytes(smallest.Level.FileBytes ?? 0)}) of the {feasible.Count} levels that meet every constraint{goodput}.");
    }

    private static ServedLevelAssessment Assess(ServedLevel level, ServingConstraints c)
    {
        var best = level.Points.Select(p => (p.Load.Label, Rate: ServingPointMetrics.From(p.Samples, c.Objective).GoodputRequestsPerSecond))
            .Where(p => double.IsFinite(p.Rate)).DefaultIfEmpty((Label: (string)null!, Rate: double.NaN)).MaxBy(p => p.Rate);
        double? goodput = double.IsFinite(best.Rate) ? best.Rate : null;
        var single = level.SingleStream?.Samples.Where(s => s.Succeeded).ToArray() ?? [];
        double? ttft = Median(single.Select(s => s.TimeToFirstTokenMs));
        double? rate = Median(single.Select(s => s.TimePerOutputTokenMs is > 0 and double t ? 1000 / t : (double?)null));

        var misses = ImmutableArray.CreateBuilder<string>();
        if (c.AtRequestsPerSecond is { } minRate && !(goodput >= minRate))
        {
            misses.Add(goodput is { } g ? $"goodput {Units.Number(g, 2)} req/s < {Units.Number(minRate, 2)} req/s at {c.Objective}" : "no request met the objective");
        }

        Limit(misses, "peak RSS", level.PeakResidentBytes, c.MaxMemoryBytes, "server memory not measured");
        Limit(misses, "peak VRAM", level.PeakGpuBytes, c.MaxGpuBytes, "GPU memory not measured");
        Limit(misses, "size", level.FileBytes, c.MaxSizeBytes, "file size unknown");
        if (c.MaxTtftMs is { } maxTtft && !(ttft <= maxTtft))
        {
            misses.Add(ttft is { } t ? $"TTFT {Units.Number(t, 1)} ms > {Units.Number(maxTtft, 1)} ms (c=1)" : "TTFT at c=1 not measured");
        }

        if (c.MinDecodeTokensPerSecond is { } minDecode && !(rate >= minDecode))
        {
            misses.Add(rate is { } r ? $"decode {Units.Number(r, 1)} t/s < {Units.Number(minDecode, 1)} t/s (c=1)" : "decode rate at c=1 not measured");
        }

        return new ServedLevelAssessment(level, goodput, goodput is null ? null : best.Label, ttft, rate, misses.ToImmutable());
    }

    private static void Limit(ImmutableArray<string>.Builder misses, string figure, long? value, long? limit, string unmeasured)
    {
        if (limit is not { } max)
        {
            return;
        }

        if (value is not { } v)
        {
            misses.Add(unmeasured);
        }
        else if (v > max)
        {
            misses.Add($"{figure} {Units.Bytes(v)} > {Units.Bytes(max)}");
        }
    }

    private static double? Median(IEnumerable<double?> values)
    {
        double[] data = [.. values.OfType<double>().Where(double.IsFinite)];
        return data.Length == 0 ? null : SampleStatistics.From(data).Median;
    }

    private static string Name(ServedLevelAssessment level) => level.Level.Level ?? "the server";
}
