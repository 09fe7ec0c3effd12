using System.Collections.Immutable;
using QuantBench.Engines;

namespace QuantBench.Tests.Throughput;

/// <summary>
/// A batch decoder whose steps take scripted time on a <see cref="FakeClock"/>: a fixed cost per step,
/// plus a cost per decoding sequence and per prefilled prompt token. Tokens are 1000 x sequence id + step number.
/// </summary>
internal sealed class FakeBatchDecoder(FakeClock clock, int maxSequences, double stepMs, double perSequenceMs = 0, double perPromptTokenMs = 0) : IBatchDecoder
{
    public const long BytesPerToken = 10;

    private readonly Dictionary<int, (ImmutableArray<int>? Pending, int Cached)> active = [];

    /// <summary>Each step's sequences: (id, true when the step prefilled its prompt).</summary>
    public List<List<(int Sequence, bool Prefill)>> Steps { get; } = [];

    public List<int> Removed { get; } = [];

    public int VocabularySize => 100;

    public int? BeginningOfSequenceToken => 1;

    public int MaxSequences => maxSequences;

    public int TokensPerSequence => 10_000;

    public long KvCacheBytesPerToken => BytesPerToken;

    public long KvCacheBytesInUse => active.Values.Sum(s => (long)s.Cached) * BytesPerToken;

    public long KvCacheBytesReserved => (long)maxSequences * TokensPerSequence * BytesPerToken;

    public void AddSequence(int sequenceId, ImmutableArray<int> promptTokens)
    {
        Assert.InRange(sequenceId, 0, maxSequences - 1);
        Assert.False(active.ContainsKey(sequenceId), $"sequence {sequenceId} added twice");
        active[sequenceId] = (promptTokens, 0);
    }

    public ImmutableArray<SequenceToken> Step(CancellationToken cancellationToken)
    {
        var step = new List<(int, bool)>();
        double ms = stepMs;
        foreach (int id in active.Keys.Order().ToArray())
        {
            var (pending, cached) = active[id];
            if (pending is { } prompt)
            {
                ms += perPromptTokenMs * prompt.Length;
                active[id] = (null, prompt.Length);
            }
            else
            {
                ms += perSequenceMs;
                active[id] = (null, cached + 1);
            }

            step.Add((id, pending is not null));
        }

        Steps.Add(step);
        clock.Advance(ms);
        return [.. step.Select(s => new SequenceToken(s.Item1, 1000 * s.Item1 + Steps.Count))];
    }

    public void RemoveSequence(int sequenceId)
    {
        Assert.True(active.Remove(sequenceId), $"sequence {sequenceId} removed but not active");
        Removed.Add(sequenceId);
    }

    public void Dispose()
    {
    }
}
