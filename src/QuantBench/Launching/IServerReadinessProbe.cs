namespace QuantBench.Launching;

/// <summary>
/// Asks a starting server whether it is ready: the HTTP implementation tries <c>/health</c> and falls
/// back to <c>/v1/models</c>; tests script it. Never throws for a server that is not listening yet.
/// </summary>
public interface IServerReadinessProbe
{
    /// <summary>True once the server at <paramref name="baseUri"/> answers as ready.</summary>
    Task<bool> IsReadyAsync(Uri baseUri, CancellationToken cancellationToken);
}
