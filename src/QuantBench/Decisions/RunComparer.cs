using System.Collections.Immutable;
using QuantBench.Results;
using QuantBench.Statistics;

namespace QuantBench.Decisions;

/// <summary>
/// Compares two runs. Models are paired by label first, then by SHA-256 where both runs recorded it, then by
/// file name. Each figure present in both is compared on the raw per-request samples with
/// <see cref="RatioComparer.Compare"/> (new as candidate, old as baseline); peak RSS and load time are single
/// values and get a ratio only.
/// </summary>
public static class RunComparer
{
    public static RunComparison Compare(RunResult old, RunResult @new, string oldSource, string newSource, RatioComparer? comparer = null)
    {
        ArgumentNullException.ThrowIfNull(old);
        ArgumentNullException.ThrowIfNull(@new);
        comparer ??= new RatioComparer();
        var unmatchedOld = old.Models.ToList();
        var pairs = new List<(ModelResult Old, ModelResult New, string By)>();
        var onlyInNew = ImmutableArray.CreateBuilder<string>();
        foreach (var model in @new.Models)
        {
            var match = Take(unmatchedOld, o => o.Model.Label == model.Model.Label, "label")
                ?? Take(unmatchedOld, o => o.Model.Sha256 is { } h && h == model.Model.Sha256, "sha256")
                ?? Take(unmatchedOld, o => FileName(o) == FileName(model), "file name");
            if (match is { } m)
            {
                pairs.Add((m.Model, model, m.By));
            }
            else
            {
                onlyInNew.Add(model.Model.Label);
            }
        }

        return new RunComparison
        {
            OldSource = oldSource,
            NewSource = newSource,
            ConditionWarnings = [.. ConditionDiff.Mismatches(old, @new)],
            Models = [.. pairs.Select(p => CompareModel(p.Old, p.New, p.By, comparer))],
            OnlyInOld = [.. unmatchedOld.Select(o => o.Model.Label)],
            OnlyInNew = onlyInNew.ToImmutable(),
            Comparer = comparer,
        };
    }

    private static (ModelResult Model, string By)? Take(List<ModelResult> candidates, Func<ModelResult, bool> predicate, string by)
    {
        var found = candidates.FirstOrDefault(predicate);
        if (found is null)
        {
            return null;
        }

        candidates.Remove(found);
        return (found, by);
    }

    private static string FileName(ModelResult model) => Path.GetFileName(model.Model.Path);

    private static ModelComparison CompareModel(ModelResult old, ModelResult @new, string by, RatioComparer comparer)
    {
        var comparison = new ModelComparison { Label = @new.Model.Label, OldLabel = old.Model.Label, MatchedBy = by };
        if (old.Status == ModelStatus.Failed || @new.Status == ModelStatus.Failed)
        {
            string side = old.Status == ModelStatus.Failed && @new.Status == ModelStatus.Failed ? "both runs"
                : old.Status == ModelStatus.Failed ? "the old run" : "the new run";
            return comparison with { Note = $"failed in {side}: nothing to compare" };
        }

        var figures = ImmutableArray.CreateBuilder<FigureComparison>();
        if (old.Latency is { } ol && @new.Latency is { } nl)
        {
            figures.Add(Sampled("TTFT", "ms", MetricDirection.LowerIsBetter, ol.TimeToFirstTokenMs, nl.TimeToFirstTokenMs, comparer));
            figures.Add(Sampled("TPOT", "ms", MetricDirection.LowerIsBetter, ol.TimePerOutputTokenMs, nl.TimePerOutputTokenMs, comparer));
            figures.Add(Sampled("ms/request", "ms", MetricDirection.LowerIsBetter, ol.EndToEndMs, nl.EndToEndMs, comparer));
            figures.Add(Sampled(SameName(ol.PrefillTestName, nl.PrefillTestName, "pp") + " t/s", "t/s", MetricDirection.HigherIsBetter, ol.PrefillTokensPerSecond, nl.PrefillTokensPerSecond, comparer));
            figures.Add(Sampled(SameName(ol.DecodeTestName, nl.DecodeTestName, "tg") + " t/s", "t/s", MetricDirection.HigherIsBetter, ol.DecodeTokensPerSecond, nl.DecodeTokensPerSecond, comparer));
        }

        if (old.Memory is { PeakResidentBytes: > 0 } om && @new.Memory is { PeakResidentBytes: > 0 } nm)
        {
            figures.Add(Single("peak RSS", "bytes", om.PeakResidentBytes, nm.PeakResidentBytes));
        }

        if (old.LoadTimeMs > 0 && @new.LoadTimeMs > 0)
        {
            figures.Add(Single("load time", "ms", old.LoadTimeMs, @new.LoadTimeMs));
        }

        return comparison with { Figures = figures.ToImmutable() };
    }

    private static string SameName(string old, string @new, string generic) => old == @new ? old : $"{generic} ({old} vs {@new})";

    private static FigureComparison Single(string figure, string unit, double old, double @new) => new()
    {
        Figure = figure,
        Unit = unit,
        Direction = MetricDirection.LowerIsBetter,
        Old = old,
        New = @new,
        NoTestReason = "one value per run",
    };

    internal static FigureComparison Sampled(string figure, string unit, MetricDirection direction, SampleStatistics old, SampleStatistics @new, RatioComparer comparer)
    {
        double[] o = [.. old.Values.Where(v => double.IsFinite(v) && v > 0)];
        double[] n = [.. @new.Values.Where(v => double.IsFinite(v) && v > 0)];
        var result = new FigureComparison { Figure = figure, Unit = unit, Direction = direction, Old = old.Median, New = @new.Median };
        if (o.Length < 2 || n.Length < 2)
        {
            return result with { NoTestReason = "fewer than 2 samples in a run" };
        }

        return result with { Estimate = comparer.Compare(n, o, direction) };
    }
}
