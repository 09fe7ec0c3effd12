using QuantBench.Quality;

namespace QuantBench.Tests.Quality;

public sealed class TemperatureSamplerTests
{
    [Fact]
    public void The_same_seed_draws_the_same_tokens()
    {
        float[] logits = [0.1f, 0.5f, 0.2f, 0.9f, 0.3f];
        var a = new TemperatureSampler(7, 1.0);
        var b = new TemperatureSampler(7, 1.0);
        var c = new TemperatureSampler(8, 1.0);
        var drawsA = Enumerable.Range(0, 50).Select(_ => a.Next(logits)).ToArray();
        var drawsB = Enumerable.Range(0, 50).Select(_ => b.Next(logits)).ToArray();
        var drawsC = Enumerable.Range(0, 50).Select(_ => c.Next(logits)).ToArray();

        Assert.Equal(drawsA, drawsB);
        Assert.NotEqual(drawsA, drawsC);
    }

    [Fact]
    public void Temperature_one_draws_tokens_in_proportion_to_their_probability()
    {
        // p = (1/4, 3/4)
        float[] logits = [0f, (float)Math.Log(3)];
        var sampler = new TemperatureSampler(123, 1.0);
        int ones = Enumerable.Range(0, 20_000).Count(_ => sampler.Next(logits) == 1);
        Assert.InRange(ones / 20_000.0, 0.74, 0.76);
    }

    [Fact]
    public void Temperature_zero_is_greedy()
    {
        var sampler = new TemperatureSampler(1, 0);
        Assert.All(Enumerable.Range(0, 20), _ => Assert.Equal(2, sampler.Next([0.1f, 0.2f, 0.3f, 0.25f])));
    }

    [Fact]
    public void Chunk_seeds_differ_between_chunks_and_seeds()
    {
        Assert.NotEqual(TemperatureSampler.ChunkSeed(1, 0), TemperatureSampler.ChunkSeed(1, 1));
        Assert.NotEqual(TemperatureSampler.ChunkSeed(1, 0), TemperatureSampler.ChunkSeed(2, 0));
        Assert.Equal(TemperatureSampler.ChunkSeed(5, 3), TemperatureSampler.ChunkSeed(5, 3));
    }

    [Fact]
    public void Uniform_draws_lie_in_the_unit_interval()
    {
        var sampler = new TemperatureSampler(99, 1.0);
        var draws = Enumerable.Range(0, 10_000).Select(_ => sampler.NextUniform()).ToArray();
        Assert.All(draws, u => Assert.InRange(u, 0.0, 0.9999999999));
        Assert.InRange(draws.Average(), 0.49, 0.51);
    }
}
