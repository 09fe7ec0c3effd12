using System.Collections.Immutable;
using QuantBench.Results;
using QuantBench.Statistics;

namespace QuantBench.Latency;

/// <summary>Warnings that a model's latency figures should not be trusted as they stand: noise, modes, outliers, an unmet precision target.</summary>
public static class LatencyWarnings
{
    public static ImmutableArray<string> For(LatencyResult latency)
    {
        ArgumentNullException.ThrowIfNull(latency);
        var warnings = ImmutableArray.CreateBuilder<string>();
        var analysis = new NoiseAnalysis();
        foreach (var (name, statistics) in new[]
                 {
                     ("ms/request", latency.EndToEndMs),
                     ("TTFT", latency.TimeToFirstTokenMs),
                     ("TPOT", latency.TimePerOutputTokenMs),
                 })
        {
            foreach (var warning in analysis.Analyze(statistics).Where(w => w.Code != NoiseWarningCode.WideConfidenceInterval))
            {
                string suffix = warning.Code == NoiseWarningCode.Outliers ? " Kept in every statistic." : "";
                warnings.Add($"{name}: {warning.Message}{suffix}");
            }
        }

        if (latency.Stopping is { TargetMet: false } stopping)
        {
            warnings.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"ms/request: the precision target (±{stopping.TargetRelativeHalfWidth:P0} at 99% confidence) was not met after {stopping.Runs} runs ({stopping.Reason}): ±{stopping.RelativeHalfWidth:P1}."));
        }

        return warnings.ToImmutable();
    }
}
