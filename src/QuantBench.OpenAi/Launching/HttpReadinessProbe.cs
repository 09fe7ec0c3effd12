using System.Net;
using QuantBench.Launching;

namespace QuantBench.OpenAi.Launching;

/// <summary>
/// Readiness over HTTP: <c>GET /health</c> answering 200 (llama-server answers 503 while it loads the
/// model); a server without <c>/health</c> (404, 405) is ready once <c>GET /v1/models</c> answers 200.
/// A refused connection is "not yet".
/// </summary>
public sealed class HttpReadinessProbe(HttpClient http) : IServerReadinessProbe
{
    /// <inheritdoc/>
    public async Task<bool> IsReadyAsync(Uri baseUri, CancellationToken cancellationToken)
    {
        try
        {
            using (var health = await http.GetAsync(new Uri(baseUri, "health"), cancellationToken).ConfigureAwait(false))
            {
                if (health.StatusCode == HttpStatusCode.OK)
                    return true;
                if (health.StatusCode is not (HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed))
                    return false;
            }

            using var models = await http.GetAsync(new Uri(baseUri, "v1/models"), cancellationToken).ConfigureAwait(false);
            return models.StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }
}
