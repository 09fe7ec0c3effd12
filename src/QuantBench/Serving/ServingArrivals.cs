using System.Collections.Immutable;

namespace QuantBench.Serving;

/// <summary>
/// Seeded arrival times for a request-rate point, as vLLM's benchmark draws them: gaps from a gamma distribution
/// with shape = burstiness and mean 1/rate, so burstiness 1 is a Poisson process, below 1 burstier, above 1
/// more even. The same seed gives the same schedule on every machine.
/// </summary>
public static class ServingArrivals
{
    /// <summary>Arrival times in ms after the point began; the first request at 0.</summary>
    public static ImmutableArray<double> Schedule(double requestsPerSecond, double burstiness, int count, int seed)
    {
        if (!(requestsPerSecond > 0) || !double.IsFinite(requestsPerSecond))
        {
            throw new ArgumentOutOfRangeException(nameof(requestsPerSecond), requestsPerSecond, "the request rate must be a positive number per second");
        }

        if (!(burstiness > 0) || !double.IsFinite(burstiness))
        {
            throw new ArgumentOutOfRangeException(nameof(burstiness), burstiness, "the burstiness must be a positive number");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var random = new Random(seed);
        double scaleMs = 1000.0 / (requestsPerSecond * burstiness);
        var arrivals = ImmutableArray.CreateBuilder<double>(count);
        double time = 0;
        for (int i = 0; i < count; i++)
        {
            arrivals.Add(time);
            time += Gamma(random, burstiness) * scaleMs;
        }

        return arrivals.MoveToImmutable();
    }

    // Marsaglia and Tsang's method (2000) for shape >= 1; a shape below 1 uses Gamma(shape + 1) * U^(1/shape).
    private static double Gamma(Random random, double shape)
    {
        if (shape < 1)
        {
            return Gamma(random, shape + 1) * Math.Pow(1.0 - random.NextDouble(), 1.0 / shape);
        }

        double d = shape - 1.0 / 3.0, c = 1.0 / Math.Sqrt(9.0 * d);
        while (true)
        {
            double x, v;
            do
            {
                x = Normal(random);
                v = 1.0 + c * x;
            }
            while (v <= 0);

            v = v * v * v;
            double u = 1.0 - random.NextDouble();
            if (Math.Log(u) < 0.5 * x * x + d - d * v + d * Math.Log(v))
            {
                return d * v;
            }
        }
    }

    // Box-Muller; 1 - U lies in (0, 1], so the logarithm is finite.
    private static double Normal(Random random) =>
        Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble())) * Math.Cos(2.0 * Math.PI * random.NextDouble());
}
