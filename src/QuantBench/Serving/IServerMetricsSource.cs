using System.Collections.Immutable;

namespace QuantBench.Serving;

/// <summary>The server's own counters (Prometheus <c>/metrics</c>), read before and after each load point.</summary>
public interface IServerMetricsSource
{
    /// <summary>Every sample by name (summed over label sets and over the servers), or null when a server has no metrics.</summary>
    Task<ImmutableSortedDictionary<string, double>?> ReadAsync(CancellationToken cancellationToken);
}
