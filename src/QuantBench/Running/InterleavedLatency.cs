using System.Collections.Immutable;
using QuantBench.Latency;
using QuantBench.Progress;
using QuantBench.Results;
using QuantBench.Settings;
using QuantBench.Statistics;

namespace QuantBench.Running;

/// <summary>
/// <c>--interleave</c>: the latency test in alternating rounds (A B C A B C ...), each model's round in a
/// fresh worker, so that drift in the machine's speed falls on every model alike. Each model's samples
/// are pooled over the rounds, and its ratios against the baseline are paired round by round.
/// </summary>
internal static class InterleavedLatency
{
    internal static async Task<IReadOnlyDictionary<string, ModelResult>> RunAsync(
        IModelRunner runner,
        IReadOnlyList<ModelDescriptor> models,
        BenchmarkSettings settings,
        IProgress<BenchmarkProgress>? progress,
        CancellationToken cancellationToken)
    {
        var round = settings with { WarmupRequests = settings.WarmupRequests ?? 1, MeasuredRequests = settings.MeasuredRequests ?? 3 };
        var rounds = models.ToDictionary(m => m.Path, _ => new List<ModelResult>());
        for (int r = 0; r < settings.InterleaveRounds; r++)
        {
            foreach (var model in models)
            {
                progress?.Report(new BenchmarkProgress(model.Label, BenchmarkPhase.Round, r, settings.InterleaveRounds));
                rounds[model.Path].Add(await runner.RunAsync(new WorkerJob(Scenario.Latency, model, round), progress, cancellationToken).ConfigureAwait(false));
                progress?.Report(new BenchmarkProgress(model.Label, BenchmarkPhase.Round, r + 1, settings.InterleaveRounds));
            }
        }

        var pooled = models.ToDictionary(m => m.Path, m => Pool(rounds[m.Path]));
        var baseline = new BaselinePolicy(settings.Quality.BaselinePath).Pick(models.Where(m => pooled[m.Path].Latency is not null));
        if (baseline is null)
        {
            return pooled;
        }

        return pooled.ToDictionary(p => p.Key, p => p.Value with { PairedRatios = PairedRatios(rounds[p.Key], rounds[baseline.Path], baseline.Label) });
    }

    private static ModelResult Pool(List<ModelResult> rounds)
    {
        var failed = rounds.FirstOrDefault(r => r.Status == ModelStatus.Failed);
        if (failed is not null)
        {
            return failed;
        }

        var first = rounds[0];
        var requests = rounds.SelectMany(r => r.Latency!.Requests).ToImmutableArray();
        var latency = LatencyResult.From(first.Latency!.PromptTokens, first.Latency.OutputTokens, rounds.Sum(r => r.Latency!.WarmupRequests), requests);
        var target = first.Latency.Stopping?.TargetRelativeHalfWidth ?? new StoppingRule().TargetRelativeHalfWidth;
        double achieved = latency.EndToEndMs.RelativeHalfWidth;
        latency = latency with { Stopping = new StoppingOutcome(false, StoppingReason.Interleaved, requests.Length, achieved, target, achieved <= target) };
        var peak = rounds.MaxBy(r => r.Memory?.PeakResidentBytes ?? 0)!;
        return first with
        {
            Latency = latency,
            LoadTimeMs = rounds.Select(r => r.LoadTimeMs).Order().ElementAt(rounds.Count / 2),
            Memory = peak.Memory,
            Warnings = LatencyWarnings.For(latency),
        };
    }

    private static ImmutableArray<PairedRatio> PairedRatios(List<ModelResult> model, List<ModelResult> baseline, string baselineLabel)
    {
        if (model.Any(r => r.Latency is null) || baseline.Any(r => r.Latency is null))
        {
            return [];
        }

        var comparer = new RatioComparer();
        double[] Medians(List<ModelResult> rounds, Func<LatencyResult, SampleStatistics> figure) => rounds.Select(r => figure(r.Latency!).Median).ToArray();
        return
        [
            new PairedRatio("tg t/s", baselineLabel, comparer.ComparePaired(Medians(model, l => l.DecodeTokensPerSecond), Medians(baseline, l => l.DecodeTokensPerSecond), MetricDirection.HigherIsBetter)),
            new PairedRatio("pp t/s", baselineLabel, comparer.ComparePaired(Medians(model, l => l.PrefillTokensPerSecond), Medians(baseline, l => l.PrefillTokensPerSecond), MetricDirection.HigherIsBetter)),
            new PairedRatio("ms/request", baselineLabel, comparer.ComparePaired(Medians(model, l => l.EndToEndMs), Medians(baseline, l => l.EndToEndMs), MetricDirection.LowerIsBetter)),
        ];
    }
}
