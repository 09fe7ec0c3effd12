using System.Collections.Immutable;

namespace QuantBench.Serving;

/// <summary>From <see cref="TimeMs"/> (after the point began) the number of requests in flight was <see cref="InFlight"/>.</summary>
public readonly record struct InFlightStep(double TimeMs, int InFlight)
{
    /// <summary>The step function of requests in flight over a point, from each request's send and end.</summary>
    public static ImmutableArray<InFlightStep> Series(IEnumerable<ServingSample> samples)
    {
        var events = samples.SelectMany(s => new[] { (Time: s.SentMs, Delta: 1), (Time: s.SentMs + s.EndMs, Delta: -1) })
            .OrderBy(e => e.Time).ThenBy(e => e.Delta).ToArray();
        var steps = ImmutableArray.CreateBuilder<InFlightStep>(events.Length);
        int inFlight = 0;
        foreach (var e in events)
        {
            inFlight += e.Delta;
            if (steps.Count > 0 && steps[^1].TimeMs == e.Time)
            {
                steps[^1] = new InFlightStep(e.Time, inFlight);
            }
            else
            {
                steps.Add(new InFlightStep(e.Time, inFlight));
            }
        }

        return steps.ToImmutable();
    }
}
