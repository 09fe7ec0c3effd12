namespace QuantBench.Engines;

/// <summary>
/// The default request shape and seed, in one place: llama-bench's <c>pp128</c> / <c>tg64</c>. Latency,
/// throughput and the command line all take their defaults from here.
/// </summary>
public static class RequestDefaults
{
    /// <summary>P: prompt tokens per request.</summary>
    public const int PromptTokens = 128;

    /// <summary>N: tokens generated per request.</summary>
    public const int OutputTokens = 64;

    /// <summary>Seed of the prompts (and of the synthetic model).</summary>
    public const int Seed = 42;
}
