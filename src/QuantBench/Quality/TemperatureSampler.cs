namespace QuantBench.Quality;

/// <summary>
/// Draws a token from logits softened by a temperature, with its own seeded generator (SplitMix64) so
/// that a seed gives the same tokens on every machine and .NET version. Temperature 0 is greedy.
/// Not thread-safe: one sampler per sequence.
/// </summary>
public sealed class TemperatureSampler
{
    private readonly double temperature;
    private ulong state;
    private double[] probabilities = [];

    public TemperatureSampler(ulong seed, double temperature)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(temperature);
        if (double.IsNaN(temperature) || double.IsInfinity(temperature))
        {
            throw new ArgumentOutOfRangeException(nameof(temperature), temperature, "temperature must be finite");
        }

        state = seed;
        this.temperature = temperature;
    }

    /// <summary>The seed of chunk <paramref name="chunkIndex"/> of a text sampled with <paramref name="seed"/>: chunks are independent and reproducible one by one.</summary>
    public static ulong ChunkSeed(ulong seed, int chunkIndex)
    {
        ulong mixed = seed ^ (0x9E3779B97F4A7C15UL * (ulong)(chunkIndex + 1));
        return Mix(mixed);
    }

    /// <summary>Draws the next token from one row of logits.</summary>
    public int Next(ReadOnlySpan<float> logits)
    {
        if (logits.IsEmpty)
        {
            throw new ArgumentException("no logits to sample from", nameof(logits));
        }

        int best = ArgMax(logits);
        if (temperature == 0)
        {
            return best;
        }

        if (probabilities.Length < logits.Length)
        {
            probabilities = new double[logits.Length];
        }

        // Softmax relative to the largest logit, in double, so no term overflows.
        double max = logits[best];
        double sum = 0;
        for (int i = 0; i < logits.Length; i++)
        {
            double p = Math.Exp((logits[i] - max) / temperature);
            probabilities[i] = p;
            sum += p;
        }

        double u = NextUniform() * sum;
        double cumulative = 0;
        for (int i = 0; i < logits.Length; i++)
        {
            cumulative += probabilities[i];
            if (u < cumulative)
            {
                return i;
            }
        }

        // Rounding can leave u at the very top of the range: the last token with any weight takes it.
        for (int i = logits.Length - 1; i >= 0; i--)
        {
            if (probabilities[i] > 0)
            {
                return i;
            }
        }

        return best;
    }

    /// <summary>A uniform double in [0, 1) with 53 random bits.</summary>
    internal double NextUniform()
    {
        state += 0x9E3779B97F4A7C15UL;
        return (Mix(state) >> 11) * (1.0 / (1UL << 53));
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static int ArgMax(ReadOnlySpan<float> logits)
    {
        int best = 0;
        for (int i = 1; i < logits.Length; i++)
        {
            if (logits[i] > logits[best])
            {
                best = i;
            }
        }

        return best;
    }
}
