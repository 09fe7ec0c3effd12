using System.Collections.Immutable;
using QuantBench.Engines;
using QuantBench.Statistics;

namespace QuantBench.Throughput;

/// <summary>
/// Decode speed at context depth, as llama-bench's <c>tgN @ dD</c>: fill one sequence's KV cache with a
/// prompt of D tokens (timed on its own as <c>ppD</c>), then time N single-token decodes at positions
/// D..D+N-1. At depth 0 the first decode is the BOS token at position 0 and counts as one of the N.
/// </summary>
internal sealed class ContextDepthRunner(IBatchDecoder decoder, IClock clock)
{
    public ContextDepthResult Run(ThroughputSettings settings, Action<int, int> report, CancellationToken cancellationToken)
    {
        var depths = settings.ContextDepths.Distinct().Order().ToArray();
        RunOnce(depths[0], settings, cancellationToken);
        var points = ImmutableArray.CreateBuilder<ContextDepthPoint>(depths.Length);
        for (int d = 0; d < depths.Length; d++)
        {
            report(d, depths.Length);
            var runs = Enumerable.Range(0, settings.Repetitions).Select(_ => RunOnce(depths[d], settings, cancellationToken)).ToArray();
            int depth = depths[d], n = settings.DepthDecodeTokens;
            points.Add(new ContextDepthPoint
            {
                DepthTokens = depth,
                DecodeTokens = n,
                DecodeTokensPerSecond = SampleStatistics.From(runs.Select(r => n * 1000.0 / r.DecodeMs).ToArray()),
                PrefillTokensPerSecond = depth == 0 ? null : SampleStatistics.From(runs.Select(r => depth * 1000.0 / r.FillMs).ToArray()),
                PromptAndGenerateTokensPerSecond = depth == 0 ? null : SampleStatistics.From(runs.Select(r => (depth + n) * 1000.0 / (r.FillMs + r.DecodeMs)).ToArray()),
            });
        }

        report(depths.Length, depths.Length);
        return new ContextDepthResult { DecodeTokens = settings.DepthDecodeTokens, Repetitions = settings.Repetitions, Points = points.MoveToImmutable() };
    }

    private (double FillMs, double DecodeMs) RunOnce(int depth, ThroughputSettings settings, CancellationToken cancellationToken)
    {
        var prompt = depth == 0
            ? [decoder.BeginningOfSequenceToken ?? 0]
            : PromptFactory.Create(depth, decoder.VocabularySize, decoder.BeginningOfSequenceToken, settings.Seed);
        decoder.AddSequence(0, prompt);
        try
        {
            double start = clock.NowMs;
            decoder.Step(cancellationToken);
            double filled = clock.NowMs;
            int remaining = depth == 0 ? settings.DepthDecodeTokens - 1 : settings.DepthDecodeTokens;
            for (int i = 0; i < remaining; i++)
            {
                decoder.Step(cancellationToken);
            }

            double end = clock.NowMs;
            return depth == 0 ? (0, end - start) : (filled - start, end - filled);
        }
        finally
        {
            decoder.RemoveSequence(0);
        }
    }
}
