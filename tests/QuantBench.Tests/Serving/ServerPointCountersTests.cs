using System.Collections.Immutable;
using QuantBench.Serving;

namespace QuantBench.Tests.Serving;

public sealed class ServerPointCountersTests
{
    private static ImmutableSortedDictionary<string, double> Values(params (string Name, double Value)[] values) =>
        values.ToImmutableSortedDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);

    [Fact]
    public void Llama_server_counters_give_its_time_per_token_and_gauges_are_left_out()
    {
        var before = Values(("llamacpp:tokens_predicted_total", 100), ("llamacpp:tokens_predicted_seconds_total", 1.0),
            ("llamacpp:prompt_tokens_total", 50), ("llamacpp:prompt_seconds_total", 0.5), ("llamacpp:requests_processing", 0));
        var after = Values(("llamacpp:tokens_predicted_total", 356), ("llamacpp:tokens_predicted_seconds_total", 3.56),
            ("llamacpp:prompt_tokens_total", 178), ("llamacpp:prompt_seconds_total", 0.75), ("llamacpp:requests_processing", 4));

        var counters = ServerPointCounters.Between(before, after);

        Assert.Equal(256, counters.GeneratedTokens);
        Assert.Equal(128, counters.PromptTokens);
        Assert.Equal(0.25, counters.PromptSeconds!.Value, 9);
        Assert.Equal(10, counters.MsPerOutputToken!.Value, 9);     // 2.56 s over 256 tokens
        Assert.Null(counters.TimeToFirstTokenMs);
        Assert.False(counters.Increases.ContainsKey("llamacpp:requests_processing"));
    }

    [Fact]
    public void Vllm_histograms_give_its_time_per_token_and_time_to_first_token()
    {
        var before = Values(("vllm:time_per_output_token_seconds_sum", 1), ("vllm:time_per_output_token_seconds_count", 100),
            ("vllm:time_to_first_token_seconds_sum", 2), ("vllm:time_to_first_token_seconds_count", 10), ("vllm:generation_tokens_total", 110));
        var after = Values(("vllm:time_per_output_token_seconds_sum", 1.6), ("vllm:time_per_output_token_seconds_count", 200),
            ("vllm:time_to_first_token_seconds_sum", 2.5), ("vllm:time_to_first_token_seconds_count", 20), ("vllm:generation_tokens_total", 220));

        var counters = ServerPointCounters.Between(before, after);

        Assert.Equal(6, counters.MsPerOutputToken!.Value, 9);
        Assert.Equal(50, counters.TimeToFirstTokenMs!.Value, 9);
        Assert.Equal(110, counters.GeneratedTokens);
        Assert.Null(counters.GenerationSeconds);
    }

    [Fact]
    public void Transport_share_is_the_clients_mean_tpot_minus_the_servers_time_per_token()
    {
        ServingSample[] samples =
        [
            new() { Index = 0, UrlIndex = 0, SentMs = 0, ContentChunkMs = [100, 200], EndMs = 400, OutputTokens = 11 },   // TPOT 30
            new() { Index = 1, UrlIndex = 0, SentMs = 0, ContentChunkMs = [100, 200], EndMs = 600, OutputTokens = 11 },   // TPOT 50
        ];
        var counters = ServerPointCounters.Between(
            Values(("llamacpp:tokens_predicted_total", 0), ("llamacpp:tokens_predicted_seconds_total", 0)),
            Values(("llamacpp:tokens_predicted_total", 22), ("llamacpp:tokens_predicted_seconds_total", 0.77)));
        var point = new ServingPoint
        {
            Load = ServingLoad.Concurrency(2),
            WarmupRequests = 0,
            Samples = [.. samples],
            Metrics = ServingPointMetrics.From(samples, ServiceLevelObjective.Default),
            ClientCpuShare = 0,
            Server = counters,
        };

        Assert.Equal(35, counters.MsPerOutputToken!.Value, 9);
        Assert.Equal(5, point.TransportMsPerTokenFromCounters!.Value, 9);   // mean TPOT 40 - 35
    }
}
