using System.Collections.Immutable;
using QuantBench.Engines;
using QuantBench.Measurements;

namespace QuantBench.Tests.Measurements;

public sealed class RequestMetricsTests
{
    // Prompt of 100 tokens prefilled in 50 ms; first token at 60 ms, then tokens at 80, 110, 130 ms.
    private static readonly RequestTrace Scripted = new(100, 50.0, [60.0, 80.0, 110.0, 130.0]);

    [Fact]
    public void Ttft_includes_prefill_and_first_token()
    {
        Assert.Equal(60.0, RequestMetrics.From(Scripted).TimeToFirstTokenMs, 9);
    }

    [Fact]
    public void End_to_end_is_the_time_of_the_last_token()
    {
        Assert.Equal(130.0, RequestMetrics.From(Scripted).EndToEndMs, 9);
    }

    [Fact]
    public void Tpot_excludes_the_first_token()
    {
        // (130 - 60) / (4 - 1)
        Assert.Equal(70.0 / 3.0, RequestMetrics.From(Scripted).TimePerOutputTokenMs, 9);
    }

    [Fact]
    public void Inter_token_gaps_are_every_difference_between_consecutive_tokens()
    {
        Assert.Equal([20.0, 30.0, 20.0], RequestMetrics.From(Scripted).InterTokenGapsMs.ToArray());
    }

    [Fact]
    public void Prefill_rate_is_prompt_tokens_over_prefill_time()
    {
        Assert.Equal(2000.0, RequestMetrics.From(Scripted).PrefillTokensPerSecond, 9);
    }

    [Fact]
    public void Decode_rate_is_the_inverse_of_tpot()
    {
        var metrics = RequestMetrics.From(Scripted);
        Assert.Equal(3.0 * 1000.0 / 70.0, metrics.DecodeTokensPerSecond, 9);
        Assert.Equal(1000.0 / metrics.TimePerOutputTokenMs, metrics.DecodeTokensPerSecond, 9);
    }

    [Fact]
    public void A_single_token_request_has_no_tpot()
    {
        var metrics = RequestMetrics.From(new RequestTrace(10, 5.0, [7.0]));
        Assert.True(double.IsNaN(metrics.TimePerOutputTokenMs));
        Assert.Empty(metrics.InterTokenGapsMs);
        Assert.Equal(7.0, metrics.EndToEndMs);
    }

    [Fact]
    public void A_request_without_tokens_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => RequestMetrics.From(new RequestTrace(10, 5.0, ImmutableArray<double>.Empty)));
    }
}
