using System.Collections.Immutable;
using System.Globalization;
using QuantBench.Reports;
using QuantBench.Results;

namespace QuantBench.Decisions;

/// <summary>
/// Picks the quantization level to deploy. The rule (docs/metrics.md, "Comparisons and recommendations"):
/// <list type="number">
/// <item>a level qualifies when it meets every constraint given; a figure a constraint needs but the run did not
/// measure counts as a miss;</item>
/// <item>with a quality limit (--max-kld with quality measured, --min-accuracy, --max-accuracy-drop), the limit is
/// the quality accepted, so the fastest median decode among the qualifying levels is chosen (ties, or no decode
/// rate measured: the smaller file);</item>
/// <item>otherwise the constraints say what can be afforded, and the most precise qualifying level is chosen:
/// the lowest KLD where measured, else the most bits per weight (ties: the faster decode);</item>
/// <item>no constraint: no single choice; the Pareto-optimal levels are the ones worth considering.</item>
/// </list>
/// </summary>
public static class Recommender
{
    public static Recommendation Recommend(RunResult run, RecommendationConstraints constraints, Func<ModelResult, double?>? meanKld = null)
    {
        ArgumentNullException.ThrowIfNull(run);
        var measured = run.Models.Where(m => m.Status == ModelStatus.Succeeded && (m.Latency is not null || !m.Tasks.IsDefaultOrEmpty)).ToList();
        var excluded = run.Models.Except(measured)
            .Select(m => $"{m.Model.Label}: {(m.Status == ModelStatus.Failed ? "failed" : "not measured")}{(m.Failure is { } f ? $" ({f})" : "")}")
            .ToImmutableArray();
        // Task accuracy is paired against the same model as in report.md's task section.
        var taskBaseline = run.BaselinePolicy.Pick(run.Models.Where(m => !m.Tasks.IsDefaultOrEmpty));
        return Recommend([.. measured.Select(m => LevelFigures.From(m, meanKld, taskBaseline))], constraints) with { Excluded = excluded };
    }

    public static Recommendation Recommend(IReadOnlyList<LevelFigures> levels, RecommendationConstraints constraints)
    {
        ArgumentNullException.ThrowIfNull(levels);
        ArgumentNullException.ThrowIfNull(constraints);
        bool qualityMeasured = levels.Count > 0 && levels.All(l => l.MeanKld is not null);
        var warnings = ImmutableArray.CreateBuilder<string>();
        var effective = constraints;
        if (constraints.MaxKld is not null && !qualityMeasured)
        {
            warnings.Add("these results have no quality (KLD) figure for every level, so --max-kld is ignored");
            effective = constraints with { MaxKld = null };
        }

        var assessments = levels.Select(l => new LevelAssessment(l, Check(l, effective))).ToImmutableArray();
        var pareto = ParetoFrontier.Of(levels);
        var feasible = assessments.Where(a => a.MeetsAll).Select(a => a.Level).ToList();
        var (choice, reason) = Choose(levels, assessments, feasible, effective, qualityMeasured);
        return new Recommendation
        {
            Constraints = effective,
            Levels = assessments,
            Choice = choice,
            Reason = reason,
            ParetoSet = pareto,
            QualityMeasured = qualityMeasured,
            Warnings = warnings.ToImmutable(),
        };
    }

    private static (LevelFigures? Choice, string Reason) Choose(IReadOnlyList<LevelFigures> levels, ImmutableArray<LevelAssessment> assessments,
        List<LevelFigures> feasible, RecommendationConstraints constraints, bool qualityMeasured)
    {
        if (levels.Count == 0)
        {
            return (null, "No level was measured successfully, so there is nothing to recommend.");
        }

        if (constraints.IsEmpty)
        {
            return (null, "No constraint given: every level qualifies. The Pareto-optimal levels are the ones worth considering; give a limit (e.g. --max-memory 8GiB or --min-decode-tps 20) to get one choice.");
        }

        if (feasible.Count == 0)
        {
            var closest = assessments.OrderBy(a => a.Violations.Length).ThenByDescending(a => a.Level.BitsPerWeight).First();
            return (null, $"No level meets every constraint. The closest is {closest.Level.Label}, which misses: {string.Join("; ", closest.Violations)}.");
        }

        string among = feasible.Count == 1 ? "the only level that meets every constraint" : $"of the {feasible.Count} levels that meet every constraint";
        if (constraints.LimitsQuality)
        {
            var fastest = feasible.OrderByDescending(l => l.DecodeTokensPerSecond ?? 0).ThenBy(l => l.FileBytes).First();
            return (fastest, feasible.Count == 1
                ? $"{fastest.Label}: {among}."
                : fastest.DecodeTokensPerSecond is null
                    ? $"{fastest.Label}: the smallest file ({Units.Bytes(fastest.FileBytes)}) {among}; the quality limit is the quality you accept, and with no decode rate measured, size decides."
                    : $"{fastest.Label}: the fastest decode ({Units.Number(fastest.DecodeTokensPerSecond.Value, 1)} t/s) {among}; the quality limit is the quality you accept, so speed decides.");
        }

        if (qualityMeasured)
        {
            var closestToSource = feasible.OrderBy(l => l.MeanKld).ThenByDescending(l => l.DecodeTokensPerSecond ?? 0).First();
            return (closestToSource, feasible.Count == 1
                ? $"{closestToSource.Label}: {among}."
                : $"{closestToSource.Label}: the lowest KLD ({closestToSource.MeanKld!.Value.ToString("0.######", CultureInfo.InvariantCulture)}) {among}; with no quality limit, the level closest to the source that fits is the safest.");
        }

        var mostPrecise = feasible.OrderByDescending(l => l.BitsPerWeight).ThenByDescending(l => l.DecodeTokensPerSecond ?? 0).First();
        return (mostPrecise, feasible.Count == 1
            ? $"{mostPrecise.Label}: {among}."
            : $"{mostPrecise.Label}: the most bits per weight ({Units.Number(mostPrecise.BitsPerWeight, 2)}) {among}; with no quality figure or limit, the level closest to the source that fits is the safest.");
    }

    private static ImmutableArray<string> Check(LevelFigures level, RecommendationConstraints c)
    {
        var misses = ImmutableArray.CreateBuilder<string>();
        if (c.MaxMemoryBytes is { } maxMemory)
        {
            if (level.PeakResidentBytes is not { } peak) misses.Add("peak memory not measured");
            else if (peak > maxMemory) misses.Add($"peak RSS {Units.Bytes(peak)} > {Units.Bytes(maxMemory)}");
        }

        if (c.MaxSizeBytes is { } maxSize && level.FileBytes > maxSize)
        {
            misses.Add($"size {Units.Bytes(level.FileBytes)} > {Units.Bytes(maxSize)}");
        }

        if (c.MaxTtftMs is { } maxTtft)
        {
            if (level.TimeToFirstTokenMs is not { } ttft) misses.Add("TTFT not measured");
            else if (ttft > maxTtft) misses.Add($"TTFT {Units.Number(ttft, 1)} ms > {Units.Number(maxTtft, 1)} ms");
        }

        if (c.MinDecodeTokensPerSecond is { } minRate)
        {
            if (level.DecodeTokensPerSecond is not { } rate) misses.Add("decode rate not measured");
            else if (rate < minRate) misses.Add($"decode {Units.Number(rate, 1)} t/s < {Units.Number(minRate, 1)} t/s");
        }

        if (c.MaxKld is { } maxKld)
        {
            if (level.MeanKld is not { } kld) misses.Add("KLD not measured");
            else if (kld > maxKld) misses.Add(string.Create(CultureInfo.InvariantCulture, $"KLD {kld:0.######} > {maxKld:0.######}"));
        }

        foreach (var limit in c.MinAccuracy)
        {
            CheckTasks(level, limit, misses, "accuracy", t => t.Accuracy < limit.Fraction ? $"{t.Name} accuracy {TaskFigure.Percent(t.Accuracy)} < {TaskFigure.Percent(limit.Fraction)}" : null);
        }

        foreach (var limit in c.MaxAccuracyDrop)
        {
            CheckTasks(level, limit, misses, "accuracy drop", t => t.Drop switch
            {
                null => $"{t.Name}: the baseline has no figure to pair with",
                { } drop when drop > limit.Fraction => $"{t.Name} accuracy {TaskFigure.Points(-drop)} pts against the baseline, a drop > {TaskFigure.Points(limit.Fraction)[1..]} pts",
                _ => null,
            });
        }

        return misses.ToImmutable();
    }

    /// <summary>Checks every task file the limit names; none named is a miss (the figure was not measured).</summary>
    private static void CheckTasks(LevelFigures level, TaskLimit limit, ImmutableArray<string>.Builder misses, string figure, Func<TaskFigure, string?> miss)
    {
        var named = level.Tasks.Where(t => limit.Names(t.Kind, t.FileName)).ToList();
        if (named.Count == 0)
        {
            misses.Add($"{limit.Task} {figure} not measured");
        }

        foreach (var task in named)
        {
            if (miss(task) is { } text)
            {
                misses.Add(text);
            }
        }
    }
}
