namespace QuantBench.Serving;

/// <summary>
/// Sends one streamed request to a server and times it. Never throws for a failed request: the failure is
/// in <see cref="ServingResponse.Error"/>, so it is counted; only cancellation escapes.
/// </summary>
public interface IServingClient
{
    /// <summary>How many servers requests are spread over; <see cref="ServingRequest.UrlIndex"/> is below it.</summary>
    int ServerCount { get; }

    Task<ServingResponse> SendAsync(ServingRequest request, CancellationToken cancellationToken);
}
