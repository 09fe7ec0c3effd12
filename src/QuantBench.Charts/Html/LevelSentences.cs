using System.Collections.Immutable;
using System.Globalization;
using QuantBench.Charts.Data;
using QuantBench.Reports;
using QuantBench.Results;

namespace QuantBench.Charts.Html;

/// <summary>
/// One plain sentence per level against the baseline, e.g. "Q4_K_M: 3.60x smaller, 2.90x faster decode than F32".
/// Ratios use the same medians as <see cref="SummaryTable"/>, so the sentences and the table agree.
/// </summary>
public static class LevelSentences
{
    public static ImmutableArray<string> For(RunResult run, ChartData data)
    {
        var baseline = run.Baseline;
        var quality = data.QualityPoints.ToLookup(p => p.Label);
        return [.. run.Models.Select(m => Sentence(m, baseline, quality[m.Model.Label].FirstOrDefault(), data.QualityMetric))];
    }

    private static string Sentence(ModelResult model, ModelResult? baseline, QualityPoint? quality, string qualityMetric)
    {
        string label = model.Model.Label;
        if (model.Status == ModelStatus.Failed)
        {
            return $"{label}: failed ({model.Failure ?? "unknown cause"}).";
        }

        if (model.Latency is null)
        {
            // A run of other scenarios alone (e.g. --scenarios tasks): the level succeeded, with no speed to compare.
            string accuracy = model.Tasks.IsDefaultOrEmpty ? ""
                : "; task accuracy " + string.Join(", ", model.Tasks.Select(t => Invariant($"{t.FileName} {Units.Number(100 * t.Accuracy, 1)} %")));
            return $"{label}: {Units.Bytes(model.Model.FileBytes)}, latency not measured{accuracy}.";
        }

        var latency = model.Latency;
        if (baseline is null || ReferenceEquals(model, baseline) || baseline.Latency is null)
        {
            return Invariant($"{label} is the baseline: {Units.Bytes(model.Model.FileBytes)}, {Units.Number(latency.DecodeTokensPerSecond.Median, 1)} tokens/s decode, {Units.Number(latency.TimeToFirstTokenMs.Median, 1)} ms to first token.");
        }

        double sizeRatio = model.Model.FileBytes > 0 ? (double)baseline.Model.FileBytes / model.Model.FileBytes : double.NaN;
        double speedRatio = latency.DecodeTokensPerSecond.Median / baseline.Latency.DecodeTokensPerSecond.Median;
        string sentence = $"{label}: {Compare(sizeRatio, "smaller", "larger")}, {Compare(speedRatio, "faster", "slower")} decode than {baseline.Model.Label}";
        if (quality is not null)
        {
            sentence += Invariant($", {qualityMetric} {quality.Value:G3}");
        }

        return sentence + ".";
    }

    // "0.5x smaller" reads wrong: below one, say the inverse in the other direction.
    private static string Compare(double ratio, string better, string worse) =>
        !double.IsFinite(ratio) || ratio <= 0 ? $"n/a {better}"
        : ratio >= 1 ? $"{Units.Ratio(ratio)} {better}"
        : $"{Units.Ratio(1 / ratio)} {worse}";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
