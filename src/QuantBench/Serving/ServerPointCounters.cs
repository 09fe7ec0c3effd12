using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace QuantBench.Serving;

/// <summary>
/// The server's own view of one load point: how much each of its Prometheus counters grew between a reading just
/// before the point's measured requests (after its warm-ups) and one just after. Only counters are kept (names
/// ending <c>_total</c>, and histograms' <c>_sum</c> and <c>_count</c>); the named figures below read the ones
/// llama-server (<c>--metrics</c>) and vLLM expose, and are null where the server has no such counter.
/// </summary>
public sealed record ServerPointCounters
{
    /// <summary>Each counter's increase over the point, by metric name (summed over label sets and servers).</summary>
    public required ImmutableSortedDictionary<string, double> Increases { get; init; }

    /// <summary>Prompt tokens the server processed.</summary>
    [JsonIgnore]
    public double? PromptTokens => First("llamacpp:prompt_tokens_total", "vllm:prompt_tokens_total");

    /// <summary>Output tokens the server generated.</summary>
    [JsonIgnore]
    public double? GeneratedTokens => First("llamacpp:tokens_predicted_total", "vllm:generation_tokens_total");

    /// <summary>Seconds the server spent on prompts, summed over requests (llama-server: over its slots).</summary>
    [JsonIgnore]
    public double? PromptSeconds => First("llamacpp:prompt_seconds_total", "vllm:request_prefill_time_seconds_sum");

    /// <summary>Seconds the server spent generating, summed over requests (llama-server: over its slots).</summary>
    [JsonIgnore]
    public double? GenerationSeconds => First("llamacpp:tokens_predicted_seconds_total", "vllm:request_decode_time_seconds_sum");

    /// <summary>
    /// The server's own time per output token: llama-server's generation seconds over its generated tokens, else
    /// vLLM's inter-token latency histogram (sum over count).
    /// </summary>
    [JsonIgnore]
    public double? MsPerOutputToken =>
        Per(Get("llamacpp:tokens_predicted_seconds_total"), Get("llamacpp:tokens_predicted_total"))
        ?? Per(Get("vllm:inter_token_latency_seconds_sum"), Get("vllm:inter_token_latency_seconds_count"))
        ?? Per(Get("vllm:time_per_output_token_seconds_sum"), Get("vllm:time_per_output_token_seconds_count"));

    /// <summary>The server's own mean time to first token (vLLM's histogram); llama-server has none.</summary>
    [JsonIgnore]
    public double? TimeToFirstTokenMs => Per(Get("vllm:time_to_first_token_seconds_sum"), Get("vllm:time_to_first_token_seconds_count"));

    /// <summary>The increases between two readings of the same servers, counters only.</summary>
    public static ServerPointCounters Between(IReadOnlyDictionary<string, double> before, IReadOnlyDictionary<string, double> after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var increases = after.Where(kv => IsCounter(kv.Key) && before.ContainsKey(kv.Key))
            .ToImmutableSortedDictionary(kv => kv.Key, kv => kv.Value - before[kv.Key], StringComparer.Ordinal);
        return new ServerPointCounters { Increases = increases };
    }

    private static bool IsCounter(string name) =>
        name.EndsWith("_total", StringComparison.Ordinal) || name.EndsWith("_sum", StringComparison.Ordinal) || name.EndsWith("_count", StringComparison.Ordinal);

    private double? Get(string name) => Increases.TryGetValue(name, out double value) ? value : null;

    private double? First(params string[] names) => names.Select(Get).FirstOrDefault(v => v is not null);

    /// <summary>Seconds per unit in ms; null when either is missing or nothing was counted.</summary>
    private static double? Per(double? seconds, double? count) => seconds is { } s && count is { } n && n > 0 ? s * 1000 / n : null;
}
