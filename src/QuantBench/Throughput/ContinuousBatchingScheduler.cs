using System.Collections.Immutable;
using QuantBench.Engines;

namespace QuantBench.Throughput;

/// <summary>
/// Serves a schedule of requests by continuous batching, as an LLM server does: before each decode step,
/// requests that have arrived join the running batch while fewer than the maximum concurrency are active;
/// a request leaves as soon as it has its N tokens, freeing its slot for the next. A new request's prompt
/// is prefilled in the same step as the running requests' next tokens. Generation is forced to N tokens.
/// The engine is the <see cref="IBatchDecoder"/> seam and time the <see cref="IClock"/>, so every figure
/// can be checked against scripted timings.
/// </summary>
public sealed class ContinuousBatchingScheduler(IBatchDecoder decoder, IClock clock)
{
    /// <summary>Serves <paramref name="schedule"/> (ordered by arrival); the requests come back in schedule order.</summary>
    public ServedSchedule Run(IReadOnlyList<ScheduledRequest> schedule, int maxConcurrency, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        if (maxConcurrency < 1 || maxConcurrency > decoder.MaxSequences)
        {
            throw new ArgumentOutOfRangeException(nameof(maxConcurrency), maxConcurrency, $"must be between 1 and the decoder's {decoder.MaxSequences} sequences");
        }

        for (int i = 0; i < schedule.Count; i++)
        {
            if (schedule[i].Request.OutputTokens < 1)
            {
                throw new ArgumentException($"request {i} must generate at least one token", nameof(schedule));
            }

            if (i > 0 && schedule[i].ArrivalMs < schedule[i - 1].ArrivalMs)
            {
                throw new ArgumentException($"the schedule must be ordered by arrival (request {i} arrives before request {i - 1})", nameof(schedule));
            }
        }

        var served = new ServedRequest?[schedule.Count];
        var freeSlots = new Queue<int>(Enumerable.Range(0, maxConcurrency));
        var active = new Dictionary<int, InFlight>();
        int next = 0, steps = 0, peakConcurrency = 0;
        long peakKvBytes = 0;
        double origin = clock.NowMs;

        while (next < schedule.Count || active.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            // Times stay absolute until a difference is taken, so a request admitted the instant it arrives waits exactly 0 ms.
            double now = clock.NowMs;
            while (next < schedule.Count && active.Count < maxConcurrency && origin + schedule[next].ArrivalMs <= now)
            {
                int slot = freeSlots.Dequeue();
                decoder.AddSequence(slot, schedule[next].Request.PromptTokens);
                active.Add(slot, new InFlight(next, schedule[next], origin + schedule[next].ArrivalMs, now));
                next++;
            }

            if (active.Count == 0)
            {
                clock.WaitUntil(origin + schedule[next].ArrivalMs, cancellationToken);
                continue;
            }

            var tokens = decoder.Step(cancellationToken);
            double stepEnd = clock.NowMs;
            steps++;
            peakConcurrency = Math.Max(peakConcurrency, active.Count);
            peakKvBytes = Math.Max(peakKvBytes, decoder.KvCacheBytesInUse);
            if (tokens.Length != active.Count)
            {
                throw new InvalidOperationException($"the decoder returned {tokens.Length} tokens for {active.Count} active sequences");
            }

            foreach (var token in tokens)
            {
                var request = active[token.SequenceId];
                request.Record(token.Token, stepEnd);
                if (request.IsComplete)
                {
                    decoder.RemoveSequence(token.SequenceId);
                    active.Remove(token.SequenceId);
                    freeSlots.Enqueue(token.SequenceId);
                    served[request.Index] = request.ToServed();
                }
            }
        }

        return new ServedSchedule([.. served.Select(s => s!)], steps, peakConcurrency, peakKvBytes);
    }

    private sealed class InFlight(int index, ScheduledRequest scheduled, double arrivedAt, double admittedAt)
    {
        private readonly ImmutableArray<double>.Builder times = ImmutableArray.CreateBuilder<double>(scheduled.Request.OutputTokens);
        private readonly ImmutableArray<int>.Builder tokens = ImmutableArray.CreateBuilder<int>(scheduled.Request.OutputTokens);
        private double prefillEndMs;

        public int Index => index;

        public bool IsComplete => times.Count >= scheduled.Request.OutputTokens;

        public void Record(int token, double stepEndMs)
        {
            double sinceArrival = stepEndMs - arrivedAt;
            if (times.Count == 0)
            {
                // The prompt's prefill and the first token come from the same decode call.
                prefillEndMs = sinceArrival;
            }

            times.Add(sinceArrival);
            tokens.Add(token);
        }

        public ServedRequest ToServed() => new(
            index,
            scheduled.ArrivalMs,
            admittedAt - arrivedAt,
            new RequestTrace(scheduled.Request.PromptLength, prefillEndMs, times.MoveToImmutable()),
            tokens.MoveToImmutable());
    }
}
