using System.Collections.Immutable;
using QuantBench.Results;
using QuantBench.Serving;
using QuantBench.Statistics;

namespace QuantBench.Decisions;

/// <summary>
/// Compares served results (docs/metrics.md, "quantbench compare"): two sweeps point by point (levels paired by
/// label, then model file name; points by their load, e.g. <c>c=4</c>), or an in-process run against the
/// concurrency-1 point of each served level on the same file (paired by file name, then SHA-256, then label).
/// Figures with per-request samples on both sides are tested as in <see cref="RunComparer"/>; a point's rates are
/// one value per run and get a ratio only.
/// </summary>
public static class ServingComparer
{
    /// <summary>Two served sweeps, each a list of levels (one level for <c>serve --url</c>).</summary>
    public static RunComparison Compare(IReadOnlyList<ServedLevel> old, IReadOnlyList<ServedLevel> @new, IReadOnlyList<string> conditionWarnings,
        string oldSource, string newSource, RatioComparer? comparer = null)
    {
        ArgumentNullException.ThrowIfNull(old);
        ArgumentNullException.ThrowIfNull(@new);
        comparer ??= new RatioComparer();
        var unmatched = old.ToList();
        var models = ImmutableArray.CreateBuilder<ModelComparison>();
        var onlyInOld = ImmutableArray.CreateBuilder<string>();
        var onlyInNew = ImmutableArray.CreateBuilder<string>();
        bool single = old.Count == 1 && @new.Count == 1;
        foreach (var level in @new)
        {
            var match = single ? (unmatched[0], "the only level")
                : Take(unmatched, o => o.Level == level.Level, "label") ?? Take(unmatched, o => FileName(o) is { } f && f == FileName(level), "file name");
            if (match is not { } m)
            {
                onlyInNew.Add(Name(level));
                continue;
            }

            unmatched.Remove(m.Item1);
            string? prefix = single ? null : level.Level;
            var oldPoints = m.Item1.Points.ToDictionary(p => p.Load.Label);
            foreach (var point in level.Points)
            {
                if (oldPoints.Remove(point.Load.Label, out var before))
                {
                    models.Add(ComparePoint(prefix, m.Item1.Level, m.Item2, before, point, comparer));
                }
                else
                {
                    onlyInNew.Add(Join(prefix, point.Load.Label));
                }
            }

            onlyInOld.AddRange(oldPoints.Keys.Select(k => Join(single ? null : m.Item1.Level, k)));
        }

        onlyInOld.AddRange(unmatched.Select(Name));
        return new RunComparison
        {
            OldSource = oldSource,
            NewSource = newSource,
            ConditionWarnings = [.. conditionWarnings],
            Models = models.ToImmutable(),
            OnlyInOld = onlyInOld.ToImmutable(),
            OnlyInNew = onlyInNew.ToImmutable(),
            Comparer = comparer,
        };
    }

    /// <summary>
    /// An in-process run against served levels on the same files, at concurrency 1: TTFT, TPOT and the decode rate
    /// per request on both sides. <paramref name="runIsOld"/> says which side is the old one in the output.
    /// </summary>
    public static RunComparison CompareWithRun(RunResult run, IReadOnlyList<ServedLevel> served, bool runIsOld, IReadOnlyList<string> conditionWarnings,
        string oldSource, string newSource, Func<string, string?>? sha256 = null, RatioComparer? comparer = null)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(served);
        comparer ??= new RatioComparer();
        var levels = served.ToList();
        var models = ImmutableArray.CreateBuilder<ModelComparison>();
        var unmatchedRun = ImmutableArray.CreateBuilder<string>();
        var pairs = new List<(ModelResult Model, ServedLevel Level, string By)>();
        foreach (var model in run.Models)
        {
            string file = Path.GetFileName(model.Model.Path);
            var match = Take(levels, l => FileName(l) == file, "file name")
                ?? Take(levels, l => model.Model.Sha256 is { } h && l.ModelPath is { } p && sha256?.Invoke(p) is { } lh && string.Equals(h, lh, StringComparison.OrdinalIgnoreCase), "sha256")
                ?? Take(levels, l => l.Level == model.Model.Label, "label");
            if (match is { } m)
            {
                pairs.Add((model, m.Item1, m.Item2));
            }
            else
            {
                unmatchedRun.Add(model.Model.Label);
            }
        }

        foreach (var (model, level, by) in pairs)
        {
            models.Add(CompareInProcess(model, level, by, runIsOld, comparer));
        }

        var onlyServed = levels.Select(Name).ToImmutableArray();
        return new RunComparison
        {
            OldSource = oldSource,
            NewSource = newSource,
            ConditionWarnings = [.. conditionWarnings],
            Models = models.ToImmutable(),
            OnlyInOld = runIsOld ? unmatchedRun.ToImmutable() : onlyServed,
            OnlyInNew = runIsOld ? onlyServed : unmatchedRun.ToImmutable(),
            Comparer = comparer,
        };
    }

    private static ModelComparison ComparePoint(string? prefix, string? oldLevel, string by, ServingPoint old, ServingPoint @new, RatioComparer comparer)
    {
        string label = Join(prefix, @new.Load.Label);
        var comparison = new ModelComparison { Label = label, OldLabel = Join(prefix is null ? null : oldLevel, old.Load.Label), MatchedBy = prefix is null ? "load" : by };
        var (o, n) = (old.Metrics, @new.Metrics);
        var figures = ImmutableArray.CreateBuilder<FigureComparison>();
        figures.Add(Sampled("TTFT", "ms", MetricDirection.LowerIsBetter, old, @new, s => s.TimeToFirstTokenMs, comparer));
        figures.Add(Sampled("TPOT", "ms", MetricDirection.LowerIsBetter, old, @new, s => s.TimePerOutputTokenMs, comparer));
        figures.Add(Sampled("ITL (per request)", "ms", MetricDirection.LowerIsBetter, old, @new, MeanGap, comparer));
        figures.Add(Sampled("E2E", "ms", MetricDirection.LowerIsBetter, old, @new, s => s.EndToEndMs, comparer));
        figures.Add(Single("output tok/s", "t/s", MetricDirection.HigherIsBetter, o.OutputTokensPerSecond, n.OutputTokensPerSecond));
        figures.Add(Single("req/s", "req/s", MetricDirection.HigherIsBetter, o.RequestsPerSecond, n.RequestsPerSecond));
        figures.Add(Single("goodput req/s", "req/s", MetricDirection.HigherIsBetter, o.GoodputRequestsPerSecond, n.GoodputRequestsPerSecond));
        string? errors = o.Errors.Total + n.Errors.Total > 0 ? $"failed requests: {o.Errors.Total} of {o.Requests} (old), {n.Errors.Total} of {n.Requests} (new)" : null;
        return comparison with { Figures = [.. figures.Where(f => double.IsFinite(f.Old) && double.IsFinite(f.New))], Note = errors };
    }

    private static ModelComparison CompareInProcess(ModelResult model, ServedLevel level, string by, bool runIsOld, RatioComparer comparer)
    {
        string served = Name(level);
        var comparison = runIsOld
            ? new ModelComparison { Label = served + " (served, c=1)", OldLabel = model.Model.Label, MatchedBy = by }
            : new ModelComparison { Label = model.Model.Label, OldLabel = served + " (served, c=1)", MatchedBy = by };
        if (model.Status == ModelStatus.Failed || model.Latency is null)
        {
            return comparison with { Note = "no latency figures in the in-process run: nothing to compare" };
        }

        if (level.SingleStream is not { } point || point.Metrics.Succeeded == 0)
        {
            return comparison with { Note = "the served level has no successful concurrency-1 point: nothing to compare" };
        }

        var ok = point.Samples.Where(s => s.Succeeded).ToArray();
        var latency = model.Latency;
        var servedTtft = Statistics(ok.Select(s => s.TimeToFirstTokenMs));
        var servedTpot = Statistics(ok.Select(s => s.TimePerOutputTokenMs));
        var servedRate = Statistics(ok.Select(s => s.TimePerOutputTokenMs is > 0 and double t ? 1000 / t : (double?)null));
        (SampleStatistics Old, SampleStatistics New) Sides(SampleStatistics inProcess, SampleStatistics server) => runIsOld ? (inProcess, server) : (server, inProcess);
        var (ttftOld, ttftNew) = Sides(latency.TimeToFirstTokenMs, servedTtft);
        var (tpotOld, tpotNew) = Sides(latency.TimePerOutputTokenMs, servedTpot);
        var (rateOld, rateNew) = Sides(latency.DecodeTokensPerSecond, servedRate);
        return comparison with
        {
            Figures =
            [
                RunComparer.Sampled("TTFT", "ms", MetricDirection.LowerIsBetter, ttftOld, ttftNew, comparer),
                RunComparer.Sampled("TPOT", "ms", MetricDirection.LowerIsBetter, tpotOld, tpotNew, comparer),
                RunComparer.Sampled("tg t/s", "t/s", MetricDirection.HigherIsBetter, rateOld, rateNew, comparer),
            ],
        };
    }

    private static FigureComparison Sampled(string figure, string unit, MetricDirection direction, ServingPoint old, ServingPoint @new,
        Func<ServingSample, double?> value, RatioComparer comparer) =>
        RunComparer.Sampled(figure, unit, direction, Statistics(old.Samples.Where(s => s.Succeeded).Select(value)),
            Statistics(@new.Samples.Where(s => s.Succeeded).Select(value)), comparer);

    private static FigureComparison Single(string figure, string unit, MetricDirection direction, double old, double @new) => new()
    {
        Figure = figure,
        Unit = unit,
        Direction = direction,
        Old = old,
        New = @new,
        NoTestReason = "one value per point",
    };

    private static double? MeanGap(ServingSample sample) => sample.InterChunkGapsMs.ToArray() is { Length: > 0 } gaps ? gaps.Average() : null;

    private static SampleStatistics Statistics(IEnumerable<double?> values) => SampleStatistics.From(values.OfType<double>().Where(double.IsFinite).ToArray());

    private static (ServedLevel, string)? Take(List<ServedLevel> candidates, Func<ServedLevel, bool> predicate, string by)
    {
        var found = candidates.FirstOrDefault(predicate);
        if (found is null)
        {
            return null;
        }

        candidates.Remove(found);
        return (found, by);
    }

    private static string? FileName(ServedLevel level) => level.ModelPath is { } p ? Path.GetFileName(p) : null;

    private static string Name(ServedLevel level) => level.Level ?? "the server";

    private static string Join(string? level, string load) => level is null ? load : $"{level} {load}";
}
