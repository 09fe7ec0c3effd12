using System.Collections.Immutable;
using QuantBench.Serving;

namespace QuantBench.OpenAi;

/// <summary>
/// Reads <c>/metrics</c> of every server a sweep spreads requests over and sums them; null when any server has none
/// (llama-server without <c>--metrics</c>), so a point's counters always cover all of its requests.
/// </summary>
public sealed class OpenAiServerMetrics(HttpClient http, IReadOnlyList<Uri> urls, string? apiKey) : IServerMetricsSource
{
    public async Task<ImmutableSortedDictionary<string, double>?> ReadAsync(CancellationToken cancellationToken)
    {
        var sum = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var url in urls)
        {
            if (await OpenAiServerProbe.ReadMetricsAsync(http, url, apiKey, cancellationToken) is not { } text)
            {
                return null;
            }

            foreach (var (name, value) in PrometheusText.Parse(text))
            {
                sum[name] = sum.GetValueOrDefault(name) + value;
            }
        }

        return sum.ToImmutableSortedDictionary(StringComparer.Ordinal);
    }
}
