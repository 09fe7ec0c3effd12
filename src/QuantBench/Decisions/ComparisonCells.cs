using System.Collections.Immutable;
using System.Globalization;
using QuantBench.Reports;

namespace QuantBench.Decisions;

/// <summary>The cells of one comparison row as text, shared by the console, Markdown and HTML so they agree.</summary>
public static class ComparisonCells
{
    public static ImmutableArray<string> Headers { get; } = ["model", "figure", "old", "new", "ratio new/old", "interval", "p", "verdict"];

    public static ImmutableArray<string> Row(ModelComparison model, FigureComparison figure)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(figure);
        var e = figure.Estimate;
        string label = model.Label == model.OldLabel ? model.Label : $"{model.Label} (old: {model.OldLabel}, by {model.MatchedBy})";
        return
        [
            label,
            figure.Figure,
            Value(figure, figure.Old),
            Value(figure, figure.New),
            RatioText(figure.Ratio),
            e is null ? "" : $"{RatioText(e.ConfidenceIntervalLower)} – {RatioText(e.ConfidenceIntervalUpper)}",
            e is null ? "" : e.PValue.ToString(e.PValue < 0.001 ? "0.0e0" : "0.000", CultureInfo.InvariantCulture),
            figure.Verdict,
        ];
    }

    private static string Value(FigureComparison figure, double value) => figure.Unit switch
    {
        "bytes" => Units.Bytes((long)value),
        "ms" => Units.Number(value, 2) + " ms",
        _ => Units.Number(value, 1) + " " + figure.Unit,
    };

    private static string RatioText(double ratio) =>
        double.IsFinite(ratio) ? ratio.ToString("0.000", CultureInfo.InvariantCulture) : "n/a";
}
