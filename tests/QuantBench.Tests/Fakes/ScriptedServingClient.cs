using QuantBench.Serving;

namespace QuantBench.Tests.Fakes;

/// <summary>A serving client whose requests take scripted times and fail where the script says; it tracks requests in flight.</summary>
internal sealed class ScriptedServingClient(Func<ServingRequest, (TimeSpan Duration, ServingError? Error)> script, int serverCount = 1) : IServingClient
{
    private int inFlight;

    public int ServerCount => serverCount;

    public int MaxInFlight { get; private set; }

    public int Sent;

    public async Task<ServingSample> SendAsync(ServingRequest request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref Sent);
        int now = Interlocked.Increment(ref inFlight);
        lock (this)
        {
            MaxInFlight = Math.Max(MaxInFlight, now);
        }

        try
        {
            var (duration, error) = script(request);
            long start = System.Diagnostics.Stopwatch.GetTimestamp();
            await Task.Delay(duration, cancellationToken);
            // The time that really passed, as the real client measures it: a timer can fire a millisecond early, and
            // a scripted end after the real one would overlap the worker's next request.
            double ms = System.Diagnostics.Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            return new ServingSample
            {
                Index = request.Index,
                UrlIndex = request.UrlIndex,
                SentMs = 0,
                ContentChunkMs = error is null ? [ms / 4, ms / 2, ms] : [],
                EndMs = ms,
                OutputTokens = error is null ? request.MaxTokens : null,
                PromptTokens = 8,
                TokenCounts = error is null ? TokenCountSource.Usage : TokenCountSource.None,
                Error = error,
            };
        }
        finally
        {
            Interlocked.Decrement(ref inFlight);
        }
    }
}
