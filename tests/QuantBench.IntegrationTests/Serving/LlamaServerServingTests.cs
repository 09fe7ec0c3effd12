using QuantBench.Cli;
using QuantBench.OpenAi;
using QuantBench.Results;
using QuantBench.Serving;
using Spectre.Console.Testing;

namespace QuantBench.IntegrationTests.Serving;

/// <summary>
/// The serving client against a real llama-server on the tiny synthetic model. llama-server b10361 fails some random
/// model outputs with an in-stream 500 ("does not match the expected Content-only format": a byte token leaves invalid
/// UTF-8); those are counted as HTTP status errors and left out of the timing checks, never dropped.
/// </summary>
public sealed class LlamaServerServingTests(LlamaServerFixture fixture) : IClassFixture<LlamaServerFixture>
{
    private static ServingSweepPlan Plan(params int[] concurrency) => new()
    {
        Loads = [.. concurrency.Select(ServingLoad.Concurrency)],
        RequestsPerPoint = 12,
        WarmupRequests = 2,
        MaxPointDuration = TimeSpan.FromMinutes(2),
        Stop = new ServingStopRule(StopWhenFlat: false, MaxErrorRate: 1.0),
    };

    private async Task<(ServingSweepResult Result, ServingWorkload Workload)> SweepAsync(ServingSweepPlan plan, int genTokens)
    {
        var url = fixture.Server!.BaseUri;
        using var http = new HttpClient();
        var (prompts, source) = await ServingPromptBuilder.BuildAsync(new OpenAiServerTokenizer(http, url, null, null), null,
            new PromptLengthRange(32, 32), plan.RequestsPerPoint, 7, CancellationToken.None);
        Assert.Equal(PromptLengthSource.ServerTokenizer, source);
        var workload = new ServingWorkload(prompts, genTokens);
        using var client = new OpenAiServingClient(new OpenAiClientOptions { Urls = [url], RequestTimeout = TimeSpan.FromSeconds(60) });
        return (await ServingSweep.RunAsync(client, workload, plan, null, CancellationToken.None, new OpenAiServerMetrics(http, [url], null)), workload);
    }

    private static void OnlyKnownServerErrors(ServingPoint point) =>
        Assert.All(point.Samples.Where(s => !s.Succeeded), s =>
        {
            Assert.Equal(ServingErrorKind.HttpStatus, s.Error!.Kind);
            Assert.Contains("Content-only", s.Error.Detail);
        });

    [SkippableFact]
    public async Task One_streams_client_tpot_agrees_with_the_servers_predicted_per_token_ms()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var (result, _) = await SweepAsync(Plan(1), genTokens: 48);

        var point = Assert.Single(result.Points);
        OnlyKnownServerErrors(point);
        var ok = point.Samples.Where(s => s.Succeeded).ToArray();
        Assert.True(ok.Length >= 4, $"only {ok.Length} of 12 requests succeeded");
        double client = LatencyPercentiles.From(ok.Select(s => s.TimePerOutputTokenMs!.Value)).P50;
        double server = LatencyPercentiles.From(ok.Select(s => s.ServerPredictedPerTokenMs!.Value)).P50;
        Assert.True(Math.Abs(client - server) <= Math.Max(0.10 * server, 0.3),
            $"client TPOT {client:0.###} ms against the server's predicted_per_token_ms {server:0.###} ms");
    }

    [SkippableFact]
    public async Task Concurrency_1_to_4_on_4_slots_raises_output_throughput_and_loses_no_request()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var (result, workload) = await SweepAsync(Plan(1, 4), genTokens: 32);

        Assert.Equal(2, result.Points.Length);
        foreach (var point in result.Points)
        {
            Assert.Equal(12, point.Samples.Length);                                  // every request is a sample
            Assert.Equal(12, point.Metrics.Succeeded + point.Metrics.Errors.Total);  // and counted once
            OnlyKnownServerErrors(point);
            Assert.All(point.Samples.Where(s => s.Succeeded), s =>
            {
                Assert.Equal(workload.MaxTokens, s.OutputTokens);                    // max_tokens with ignore_eos, by the server's usage
                Assert.Equal(TokenCountSource.Usage, s.TokenCounts);
            });
            // The server's own counters (--metrics) over the point's 12 measured requests, warm-ups left out: every
            // successful request's tokens, and at most max_tokens for each request sent.
            var generated = point.Server!.GeneratedTokens!.Value;
            Assert.InRange(generated, point.Metrics.Succeeded * workload.MaxTokens, 12 * workload.MaxTokens);
            Assert.True(point.Server.MsPerOutputToken > 0, "no generation time in the server's counters");
        }

        Assert.Equal(4, result.Points[1].Metrics.MaxInFlight);
        Assert.True(result.Points[1].Metrics.OutputTokensPerSecond > result.Points[0].Metrics.OutputTokensPerSecond,
            $"c=4: {result.Points[1].Metrics.OutputTokensPerSecond:0.0} tok/s, c=1: {result.Points[0].Metrics.OutputTokensPerSecond:0.0} tok/s");
    }

    [SkippableFact]
    public async Task A_server_killed_mid_point_gives_counted_errors_a_valid_report_and_a_clear_message()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        await using var server = await fixture.StartAsync(parallel: 2);
        string output = Path.Combine(Path.GetTempPath(), "qb-serve-killed-" + Guid.NewGuid().ToString("N"));
        var console = new TestConsole().Width(300);
        var sweep = QuantBenchApp.Create(console).RunAsync(["serve", "--url", server.BaseUri.ToString(), "--concurrency", "2",
            "--requests", "400", "--warmup", "1", "-p", "16", "-n", "16", "--max-point-time", "60", "--request-timeout", "20", "-o", output]);
        await Task.Delay(TimeSpan.FromSeconds(4));
        await server.StopAsync();

        int exit = await sweep.WaitAsync(TimeSpan.FromMinutes(3));

        try
        {
            Assert.Equal(1, exit);
            Assert.Contains("request(s) failed", console.Output);
            var run = ResultsJson.ReadRun(output);
            var point = Assert.Single(run.Serving!.Points);
            Assert.Equal(point.Samples.Length, point.Metrics.Succeeded + point.Metrics.Errors.Total);
            Assert.True(point.Metrics.Errors.Refused + point.Metrics.Errors.CutStream > 0, point.Metrics.Errors.ToString());
            Assert.Contains("## Errors", File.ReadAllText(Path.Combine(output, "report.md")));
            Assert.True(File.Exists(Path.Combine(output, "report.html")));
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }
}
