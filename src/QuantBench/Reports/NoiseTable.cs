using System.Collections.Immutable;
using System.Globalization;
using QuantBench.Results;
using QuantBench.Statistics;

namespace QuantBench.Reports;

/// <summary>
/// The noise warnings of a run as one compact table, model × figure, with the values that break a threshold
/// marked: samples, coefficient of variation, confidence-interval width, outliers, modes. Only rows with a
/// problem appear. report.md and report.html show it; results.json keeps every warning in words.
/// </summary>
public sealed record NoiseTable(ImmutableArray<string> Headers, ImmutableArray<ImmutableArray<NoiseCell>> Rows)
{
    /// <summary>The one sentence of advice shown under the table.</summary>
    public const string Advice =
        "Highlighted values break a threshold (fewer than 3 samples, CV over 5 %, interval wider than its target, any outlier, more than one mode): "
        + "these medians may move on a rerun, so rerun on a quiet machine (see the load average and busy processes in the conditions), with more requests (-r), or with --interleave so that drift hits every model alike.";

    /// <summary>The rows of <paramref name="run"/>'s models with a latency figure that breaks a threshold of <paramref name="analysis"/> (its defaults when null).</summary>
    public static NoiseTable From(RunResult run, NoiseAnalysis? analysis = null)
    {
        ArgumentNullException.ThrowIfNull(run);
        var thresholds = analysis ?? new NoiseAnalysis();
        var rows = ImmutableArray.CreateBuilder<ImmutableArray<NoiseCell>>();
        foreach (var model in run.Models)
        {
            if (model.Latency is not { } latency)
            {
                continue;
            }

            foreach (var (figure, statistics) in new[] { ("ms/request", latency.EndToEndMs), ("TTFT", latency.TimeToFirstTokenMs), ("TPOT", latency.TimePerOutputTokenMs) })
            {
                // The end-to-end latency was measured to the stopping rule's target; the other figures to the analysis's.
                var stopping = figure == "ms/request" ? latency.Stopping : null;
                var cells = Row(model.Model.Label, figure, statistics, thresholds, stopping);
                if (cells.Skip(2).Any(c => c.Offending))
                {
                    rows.Add(cells);
                }
            }
        }

        return new NoiseTable(["model", "figure", "samples", "CV", "CI ± of median", "outliers (low/high)", "modes"], rows.ToImmutable());
    }

    private static ImmutableArray<NoiseCell> Row(string model, string figure, SampleStatistics s, NoiseAnalysis thresholds, StoppingOutcome? stopping)
    {
        bool tooFew = s.N < thresholds.MinSamples;
        double target = stopping?.TargetRelativeHalfWidth ?? thresholds.MaxRelativeHalfWidth;
        bool wide = stopping is { } st ? !st.TargetMet : s.RelativeHalfWidth > thresholds.MaxRelativeHalfWidth;
        return
        [
            new(model, false),
            new(figure, false),
            new(s.N.ToString(CultureInfo.InvariantCulture), tooFew),
            new(Percent(s.CoefficientOfVariation), !tooFew && s.CoefficientOfVariation > thresholds.MaxCoefficientOfVariation),
            new(double.IsFinite(s.RelativeHalfWidth) ? $"±{Percent(s.RelativeHalfWidth)} ({Percent(target)} target)" : "n/a", !tooFew && wide),
            new(string.Create(CultureInfo.InvariantCulture, $"{s.OutlierCount} ({s.LowerOutlierCount}/{s.UpperOutlierCount})"), !tooFew && s.OutlierCount > 0),
            new(s.Modality.ToString(CultureInfo.InvariantCulture), !tooFew && s.IsMultimodal),
        ];
    }

    private static string Percent(double share) =>
        double.IsFinite(share) ? (100 * share).ToString("0.0", CultureInfo.InvariantCulture) + " %" : "n/a";
}
