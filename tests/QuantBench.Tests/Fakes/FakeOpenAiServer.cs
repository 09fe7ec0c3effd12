using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace QuantBench.Tests.Fakes;

/// <summary>An in-process Kestrel endpoint on loopback that answers every POST with a scripted handler.</summary>
internal sealed class FakeOpenAiServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private FakeOpenAiServer(WebApplication app, Uri url) => (this.app, Url) = (app, url);

    public Uri Url { get; }

    /// <summary>Requests seen: path and the Authorization header.</summary>
    public List<(string Path, string? Authorization, string Body)> Requests { get; } = [];

    public static async Task<FakeOpenAiServer> StartAsync(Func<HttpContext, Task> handler)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        FakeOpenAiServer? server = null;
        app.Run(async context =>
        {
            string body = await new StreamReader(context.Request.Body).ReadToEndAsync();
            lock (server!.Requests)
            {
                server.Requests.Add((context.Request.Path, context.Request.Headers.Authorization.FirstOrDefault(), body));
            }

            await handler(context);
        });
        await app.StartAsync();
        server = new FakeOpenAiServer(app, new Uri(app.Urls.First()));
        return server;
    }

    /// <summary>Starts an event stream and writes each item as one <c>data:</c> event, flushing after each, with a pause between.</summary>
    public static async Task StreamAsync(HttpContext context, IEnumerable<string> events, TimeSpan pause = default)
    {
        context.Response.ContentType = "text/event-stream";
        foreach (string data in events)
        {
            await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes($"data: {data}\n\n"));
            await context.Response.Body.FlushAsync();
            if (pause > TimeSpan.Zero)
            {
                await Task.Delay(pause);
            }
        }
    }

    public static string TextChunk(string text) => $$"""{"choices":[{"index":0,"text":"{{text}}","finish_reason":null}]}""";

    public static string FinalChunk(int prompt, int completion) =>
        "{\"choices\":[{\"index\":0,\"text\":\"\",\"finish_reason\":\"length\"}],"
        + $"\"usage\":{{\"prompt_tokens\":{prompt},\"completion_tokens\":{completion},\"total_tokens\":{prompt + completion}}},"
        + $"\"timings\":{{\"prompt_n\":{prompt},\"prompt_ms\":12.5,\"predicted_n\":{completion},\"predicted_per_token_ms\":4.25}}}}";

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
