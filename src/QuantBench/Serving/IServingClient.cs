namespace QuantBench.Serving;

/// <summary>
/// Sends one streamed request to a server and times it. Never throws for a failed request: the failure is
/// in <see cref="ServingSample.Error"/>, so it is counted; only cancellation escapes. Times in the sample are
/// after sending; its <see cref="ServingSample.SentMs"/> is 0, for the caller to stamp on its own clock.
/// </summary>
public interface IServingClient
{
    /// <summary>How many servers requests are spread over; <see cref="ServingRequest.UrlIndex"/> is below it.</summary>
    int ServerCount { get; }

    Task<ServingSample> SendAsync(ServingRequest request, CancellationToken cancellationToken);
}
