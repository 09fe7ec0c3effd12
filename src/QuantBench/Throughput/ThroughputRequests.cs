using System.Collections.Immutable;
using QuantBench.Engines;

namespace QuantBench.Throughput;

/// <summary>The requests of the throughput scenario: request i gets its own prompt, seeded with seed + i, so that batched sequences differ.</summary>
internal static class ThroughputRequests
{
    public static ImmutableArray<ScheduledRequest> Schedule(IBatchDecoder decoder, ThroughputSettings settings, IReadOnlyList<double> arrivalsMs)
    {
        var requests = ImmutableArray.CreateBuilder<ScheduledRequest>(arrivalsMs.Count);
        for (int i = 0; i < arrivalsMs.Count; i++)
        {
            var prompt = PromptFactory.Create(settings.PromptTokens, decoder.VocabularySize, decoder.BeginningOfSequenceToken, settings.Seed + i);
            requests.Add(new ScheduledRequest(arrivalsMs[i], new GenerationRequest(prompt, settings.OutputTokens)));
        }

        return requests.MoveToImmutable();
    }
}
