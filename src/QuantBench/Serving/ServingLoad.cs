using System.Globalization;

namespace QuantBench.Serving;

/// <summary>One point's load: a concurrency, or a request rate (per second) with its burstiness (gamma shape; 1 is Poisson).</summary>
public sealed record ServingLoad(ServingLoadKind Kind, double Value, double Burstiness = 1.0)
{
    public static ServingLoad Concurrency(int concurrency) => new(ServingLoadKind.Concurrency, concurrency);

    public static ServingLoad Rate(double requestsPerSecond, double burstiness = 1.0) => new(ServingLoadKind.Rate, requestsPerSecond, burstiness);

    /// <summary>Requests allowed in flight at once: the concurrency, or unbounded (up to the request count) for a rate.</summary>
    public int ConcurrencyLimit(int requests) => Kind == ServingLoadKind.Concurrency ? Math.Max(1, (int)Value) : Math.Max(1, requests);

    public string Label => Kind == ServingLoadKind.Concurrency
        ? string.Create(CultureInfo.InvariantCulture, $"c={Value:0}")
        : string.Create(CultureInfo.InvariantCulture, $"{Value:0.###} req/s");
}
