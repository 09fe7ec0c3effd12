using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using QuantBench.OpenAi;
using QuantBench.Serving;

namespace QuantBench.Benchmarks;

/// <summary>
/// How fast the serving client reads streams, against an in-process Kestrel endpoint that sends pre-made chunks:
/// one stream of many chunks (chunks/s = chunks / mean time), many concurrent streams, and the parse of one chunk
/// (the time the client adds to each chunk between its arrival and its timestamp being recorded).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 2, iterationCount: 8)]
public class ServingClientBenchmarks
{
    private static readonly byte[] ChunkData = Encoding.UTF8.GetBytes(
        "{\"id\":\"cmpl-1\",\"object\":\"text_completion\",\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,\"text\":\" word\",\"logprobs\":null,\"finish_reason\":null}]}");

    private PremadeSseServer? server;
    private OpenAiServingClient? client;

    [Params(20_000)]
    public int ChunksPerStream { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        server = await PremadeSseServer.StartAsync();
        client = new OpenAiServingClient(new OpenAiClientOptions { Urls = [server.Url], KeepAlive = true, RequestTimeout = TimeSpan.FromMinutes(2) });
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        client?.Dispose();
        await server!.DisposeAsync();
    }

    /// <summary>One stream of <see cref="ChunksPerStream"/> chunks: the most chunks/s one stream can be read at.</summary>
    [Benchmark]
    public async Task<int> OneStream()
    {
        var response = await client!.SendAsync(new ServingRequest(0, "p", 8, ChunksPerStream, 0), CancellationToken.None);
        return response.Error is null ? response.ContentChunkMs.Length : throw new InvalidOperationException(response.Error.Detail);
    }

    /// <summary>1,000 streams at once, 20 chunks each.</summary>
    [Benchmark]
    public async Task<int> ThousandConcurrentStreams()
    {
        var responses = await Task.WhenAll(Enumerable.Range(0, 1000).Select(i =>
            client!.SendAsync(new ServingRequest(i, "p", 8, 20, 0), CancellationToken.None)));
        var failed = responses.FirstOrDefault(r => r.Error is not null);
        return failed is null ? responses.Sum(r => r.ContentChunkMs.Length) : throw new InvalidOperationException(failed.Error!.Detail);
    }

    /// <summary>Parsing one chunk's JSON: the client's own work per chunk.</summary>
    [Benchmark(OperationsPerInvoke = 10_000)]
    public int ParseOneChunk()
    {
        int total = 0;
        for (int i = 0; i < 10_000; i++)
        {
            total += StreamChunkParser.Parse(ChunkData).TextLength;
        }

        return total;
    }
}
