using QuantBench.Serving;

namespace QuantBench.Tests.Serving;

public sealed class ServingPointMetricsTests
{
    private static ServingSample Sample(int index, double sentMs, double[] chunks, double endMs, int? output, int? prompt = 10,
        double? serverPerToken = null, ServingError? error = null) => new()
    {
        Index = index,
        UrlIndex = 0,
        SentMs = sentMs,
        ContentChunkMs = [.. chunks],
        EndMs = endMs,
        OutputTokens = output,
        PromptTokens = prompt,
        TokenCounts = output is null ? TokenCountSource.None : TokenCountSource.Usage,
        ServerPredictedPerTokenMs = serverPerToken,
        Error = error,
    };

    [Fact]
    public void Per_request_figures_follow_the_definitions()
    {
        // TTFT 100; 5 tokens in 3 chunks; end at 300: TPOT = (300 - 100) / (5 - 1) = 50.
        var s = Sample(0, 0, [100, 150, 250], 300, 5, serverPerToken: 45);

        Assert.Equal(100, s.TimeToFirstTokenMs);
        Assert.Equal(50, s.TimePerOutputTokenMs);
        Assert.Equal([50.0, 100.0], s.InterChunkGapsMs);
        Assert.Equal(300, s.EndToEndMs);
        Assert.Equal(5, s.TransportMsPerToken!.Value, 9);
    }

    [Fact]
    public void Point_figures_pool_gaps_average_per_request_and_divide_by_the_span()
    {
        ServingSample[] samples =
        [
            Sample(0, 0, [100, 200, 300], 300, 3),        // gaps 100, 100; TPOT 100; ends at 300
            Sample(1, 100, [50, 60], 900, 9),             // gap 10; TPOT (900-50)/8 = 106.25; ends at 1000
            Sample(2, 200, [], 50, null, error: new ServingError(ServingErrorKind.Refused, "x")),
        ];
        var objective = new ServiceLevelObjective(TimeToFirstTokenMs: 80, TimePerOutputTokenMs: null, EndToEndMs: null);

        var m = ServingPointMetrics.From(samples, objective);

        Assert.Equal(3, m.Requests);
        Assert.Equal(2, m.Succeeded);
        Assert.Equal(1, m.Errors.Refused);
        Assert.Equal(1, m.Errors.Total);
        Assert.Equal(1.0, m.DurationSeconds, 9);                 // first sent at 0, last ended at 1000
        Assert.Equal(2.0, m.RequestsPerSecond, 9);
        Assert.Equal(12.0, m.OutputTokensPerSecond, 9);          // 3 + 9 tokens in 1 s
        Assert.Equal(32.0, m.TotalTokensPerSecond, 9);           // plus 2 x 10 prompt tokens
        Assert.Equal(3, m.InterTokenLatencyMs.N);                // 100, 100, 10 pooled
        Assert.Equal(70.0, m.InterTokenLatencyMs.Mean, 9);
        Assert.Equal(2, m.InterTokenLatencyPerRequestMs.N);      // means 100 and 10
        Assert.Equal(55.0, m.InterTokenLatencyPerRequestMs.Mean, 9);
        Assert.Equal(103.125, m.TimePerOutputTokenMs.Mean, 9);
        Assert.Equal(75.0, m.TimeToFirstTokenMs.P50, 9);
        Assert.Equal(1.0 / 3, m.GoodputShare, 9);                // only request 1 has TTFT <= 80; the failed one never counts
        Assert.Equal(1.0, m.GoodputRequestsPerSecond, 9);
        Assert.Equal(3, m.MaxInFlight);                          // request 2 (200-250) is sent while 0 and 1 are in flight
        Assert.Equal((300 + 900 + 50) / 1000.0, m.MeanInFlight, 9);
        Assert.Equal(1.0 / 3, m.ErrorRate, 9);
    }

    [Fact]
    public void Requests_without_server_counts_are_left_out_of_token_rates_and_said_so()
    {
        var m = ServingPointMetrics.From([Sample(0, 0, [10, 20], 100, null)], ServiceLevelObjective.Default);

        Assert.True(double.IsNaN(m.OutputTokensPerSecond));
        Assert.Equal(1, m.WithoutTokenCounts);
        Assert.Equal(0, m.TimePerOutputTokenMs.N);
        Assert.Equal(10, m.TimeToFirstTokenMs.P50);
    }

    [Fact]
    public void Percentiles_are_hyndman_fan_type_7_as_numpy()
    {
        var p = LatencyPercentiles.From(Enumerable.Range(1, 100).Select(i => (double)i));

        Assert.Equal(50.5, p.P50, 9);
        Assert.Equal(90.1, p.P90, 9);
        Assert.Equal(95.05, p.P95, 9);
        Assert.Equal(99.01, p.P99, 9);
        Assert.True(double.IsNaN(LatencyPercentiles.From([]).P50));
    }

    [Theory]
    [InlineData("ttft=200ms,tpot=50ms", 200.0, 50.0, null)]
    [InlineData("TTFT=0.5s", 500.0, null, null)]
    [InlineData("e2e=2s, tpot=20", null, 20.0, 2000.0)]
    public void Objectives_parse(string text, double? ttft, double? tpot, double? e2e)
    {
        var slo = ServiceLevelObjective.Parse(text);
        Assert.Equal(new ServiceLevelObjective(ttft, tpot, e2e), slo);
    }

    [Theory]
    [InlineData("ttft")]
    [InlineData("speed=3ms")]
    [InlineData("ttft=-1ms")]
    [InlineData("")]
    public void Bad_objectives_are_format_errors(string text) =>
        Assert.Throws<FormatException>(() => ServiceLevelObjective.Parse(text));
}
