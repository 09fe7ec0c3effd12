using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using QuantBench.Cli;
using QuantBench.Results;
using QuantBench.Tests.Fakes;
using Spectre.Console.Testing;

namespace QuantBench.Tests.Cli.Commands;

public sealed class ServeCommandTests : IDisposable
{
    private const string Secret = "sk-test-DO-NOT-WRITE-7f3a";
    private readonly string output = Path.Combine(Path.GetTempPath(), "qb-serve-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(output))
        {
            Directory.Delete(output, recursive: true);
        }
    }

    // A server with no /tokenize, that streams 3 chunks carrying 4 tokens and fails every fifth request with a 500.
    private static Task<FakeOpenAiServer> StartServerAsync() => FakeOpenAiServer.StartAsync(async c =>
    {
        if (c.Request.Path == "/v1/completions")
        {
            if (c.Request.Headers.Authorization != $"Bearer {Secret}")
            {
                c.Response.StatusCode = 401;
                return;
            }

            if (Interlocked.Increment(ref requestCount) % 5 == 0)
            {
                c.Response.StatusCode = 500;
                await c.Response.WriteAsync("{\"error\":\"boom\"}");
                return;
            }

            await FakeOpenAiServer.StreamAsync(c, [FakeOpenAiServer.TextChunk("a"), FakeOpenAiServer.TextChunk("b c"), FakeOpenAiServer.TextChunk("d"), FakeOpenAiServer.FinalChunk(8, 4)],
                TimeSpan.FromMilliseconds(2));
            Interlocked.Add(ref predictedTokens, 4);                 // counted before [DONE], as a server does
            await c.Response.WriteAsync("data: [DONE]\n\n");
            return;
        }

        if (c.Request.Path == "/metrics")
        {
            // llama-server --metrics: 4.25 ms per predicted token.
            long tokens = Interlocked.Read(ref predictedTokens);
            c.Response.ContentType = "text/plain; version=0.0.4";
            await c.Response.WriteAsync(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"# TYPE llamacpp:tokens_predicted_total counter\nllamacpp:tokens_predicted_total {tokens}\nllamacpp:tokens_predicted_seconds_total {tokens * 0.00425}\n"));
            return;
        }

        c.Response.StatusCode = c.Request.Path == "/v1/models" ? 200 : 404;
    });

    private static int requestCount;
    private static long predictedTokens;

    [Fact]
    public async Task A_sweep_writes_results_with_raw_samples_and_reports_and_never_the_api_key()
    {
        await using var server = await StartServerAsync();
        var console = new TestConsole().Width(400);
        Environment.SetEnvironmentVariable("OPENAI_API_KEY", Secret);
        int exit;
        try
        {
            exit = await QuantBenchApp.Create(console).RunAsync(["serve", "--url", server.Url.ToString(), "--concurrency", "1,2",
                "--requests", "10", "--warmup", "1", "-p", "16", "-n", "4", "--no-early-stop", "-o", output]);
        }
        finally
        {
            Environment.SetEnvironmentVariable("OPENAI_API_KEY", null);
        }

        Assert.Equal(1, exit);                                   // some requests failed (the 500s), and it says so
        Assert.Contains("request(s) failed", console.Output);
        var run = ResultsJson.ReadRun(output);
        Assert.NotNull(run.Serving);
        Assert.Equal(2, run.Serving!.Points.Length);
        Assert.All(run.Serving.Points, p => Assert.Equal(10, p.Samples.Length));
        Assert.All(run.Serving.Points.SelectMany(p => p.Samples).Where(s => s.Succeeded), s => Assert.Equal(4, s.OutputTokens));
        Assert.Equal(run.Serving.Points.Sum(p => p.Samples.Count(s => !s.Succeeded)), run.Serving.Points.Sum(p => p.Metrics.Errors.HttpStatus));
        Assert.True(run.Serving.Points.Sum(p => p.Metrics.Errors.HttpStatus) >= 3);
        Assert.True(run.Serving.Target.ApiKeyGiven);
        Assert.Equal(QuantBench.Serving.PromptLengthSource.Estimate, run.Serving.Target.PromptLengths);

        string markdown = File.ReadAllText(Path.Combine(output, "report.md"));
        Assert.Contains("| c=1 | 10 |", markdown);
        Assert.Contains("HttpStatus", markdown);
        Assert.True(File.Exists(Path.Combine(output, "report.html")));
        Assert.True(File.Exists(Path.Combine(output, "charts", "serving-throughput.png")));
        Assert.True(File.Exists(Path.Combine(output, "charts", "serving-latency.svg")));
        Assert.True(File.Exists(Path.Combine(output, "charts", "serving-in-flight.svg")));
        Assert.All(run.Serving.Points, p => Assert.Equal(4 * p.Metrics.Succeeded, p.Server!.GeneratedTokens));   // warm-ups left out
        Assert.All(run.Serving.Points, p => Assert.Equal(4.25, p.Server!.MsPerOutputToken!.Value, 6));
        Assert.Contains("## The server's view", markdown);
        Assert.Contains("id=\"server\"", File.ReadAllText(Path.Combine(output, "report.html")));
        foreach (string file in Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories))
        {
            Assert.DoesNotContain(Secret, File.ReadAllText(file));
        }

        Assert.DoesNotContain(Secret, console.Output);
        Assert.All(server.Requests.Where(r => r.Path == "/v1/completions"), r => Assert.Equal($"Bearer {Secret}", r.Authorization));
    }

    [Fact]
    public async Task Report_regenerates_a_serving_report_from_results_json()
    {
        await using var server = await StartServerAsync();
        await QuantBenchApp.Create(new TestConsole()).RunAsync(["serve", "--url", server.Url.ToString(), "--api-key", Secret, "--concurrency", "2",
            "--requests", "4", "--warmup", "0", "-n", "4", "-o", output]);
        File.Delete(Path.Combine(output, "report.md"));
        File.Delete(Path.Combine(output, "report.html"));

        var console = new TestConsole().Width(400);
        int exit = await QuantBenchApp.Create(console).RunAsync(["report", output]);

        Assert.Equal(0, exit);
        Assert.Contains("| c=2 | 4 |", File.ReadAllText(Path.Combine(output, "report.md")));
        Assert.Contains("serving-throughput", File.ReadAllText(Path.Combine(output, "report.html")));
        Assert.False(File.Exists(Path.Combine(output, "results.csv")));
        Assert.Contains("TTFT p50 ms", console.Output);
    }

    [Fact]
    public async Task An_unreachable_url_is_one_clear_line_and_exit_code_2()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var console = new TestConsole().Width(400);

        int exit = await QuantBenchApp.Create(console).RunAsync(["serve", "--url", $"http://127.0.0.1:{port}", "-o", output]);

        Assert.Equal(2, exit);
        Assert.Contains($"cannot reach http://127.0.0.1:{port}", console.Output);
        Assert.Single(console.Output.Trim().Split('\n'));
    }

    [Theory]
    [InlineData(new[] { "serve" }, "--url is required")]
    [InlineData(new[] { "serve", "--url", "ftp://x" }, "not an http:// or https:// URL")]
    [InlineData(new[] { "serve", "--url", "http://x", "--api", "grpc" }, "unknown API 'grpc'")]
    [InlineData(new[] { "serve", "--url", "http://x", "--concurrency", "1,0" }, "--concurrency: 0")]
    [InlineData(new[] { "serve", "--url", "http://x", "--rate", "fast" }, "--rate: 'fast'")]
    [InlineData(new[] { "serve", "--url", "http://x", "--slo", "ttft=soon" }, "ttft=soon")]
    [InlineData(new[] { "serve", "--url", "http://x", "-p", "9:3" }, "'9:3'")]
    public async Task Bad_serve_options_are_one_line_errors(string[] args, string expected)
    {
        var console = new TestConsole().Width(400);
        int exit = await QuantBenchApp.Create(console).RunAsync(args);

        Assert.Equal(2, exit);
        Assert.Contains(expected, console.Output);
        Assert.Single(console.Output.Trim().Split('\n'));
    }
}
