using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace QuantBench.Benchmarks;

/// <summary>
/// A Kestrel endpoint on loopback that answers /v1/completions with pre-made completion chunks, as fast as the socket
/// takes them; the number of chunks is the request's max_tokens.
/// </summary>
internal sealed class PremadeSseServer : IAsyncDisposable
{
    private static readonly byte[] Chunk = Encoding.UTF8.GetBytes(
        "data: {\"id\":\"cmpl-1\",\"object\":\"text_completion\",\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,\"text\":\" word\",\"logprobs\":null,\"finish_reason\":null}]}\n\n");

    private static readonly byte[] Done = Encoding.UTF8.GetBytes("data: [DONE]\n\n");

    private readonly WebApplication app;

    private PremadeSseServer(WebApplication app) => (this.app, Url) = (app, new Uri(app.Urls.First()));

    public Uri Url { get; }

    public static async Task<PremadeSseServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxConcurrentConnections = null);
        var app = builder.Build();
        app.Run(async context =>
        {
            using var body = await System.Text.Json.JsonDocument.ParseAsync(context.Request.Body);
            int chunks = body.RootElement.GetProperty("max_tokens").GetInt32();
            context.Response.ContentType = "text/event-stream";
            for (int i = 0; i < chunks; i++)
            {
                await context.Response.Body.WriteAsync(Chunk);
            }

            string final = $"data: {{\"choices\":[{{\"index\":0,\"text\":\"\",\"finish_reason\":\"length\"}}],\"usage\":{{\"prompt_tokens\":8,\"completion_tokens\":{chunks},\"total_tokens\":{chunks + 8}}}}}\n\n";
            await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(final));
            await context.Response.Body.WriteAsync(Done);
        });
        await app.StartAsync();
        return new PremadeSseServer(app);
    }

    public static int ChunkBytes => Chunk.Length;

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
