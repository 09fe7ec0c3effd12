using System.Collections.Immutable;

namespace QuantBench.Machine;

/// <summary>
/// The figures of the probe's rounds, each the fastest pass of its round. Interference only ever slows a pass, so
/// the best round is the machine's figure; the spread between rounds says how far a single probe can be trusted.
/// </summary>
public sealed record BandwidthRounds
{
    /// <summary>Spread above which the rounds disagree too much to trust a share of the bandwidth limit (0.10 = 10 %, about ±5 %).</summary>
    public const double MaxTrustedSpread = 0.10;

    /// <summary>Creates the summary; every round needs a positive figure.</summary>
    public BandwidthRounds(ImmutableArray<double> bytesPerSecond)
    {
        if (bytesPerSecond.IsDefaultOrEmpty)
        {
            throw new ArgumentException("At least one round is needed.", nameof(bytesPerSecond));
        }

        foreach (double figure in bytesPerSecond)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(figure, nameof(bytesPerSecond));
        }

        BytesPerSecond = bytesPerSecond;
    }

    /// <summary>Each round's figure, in the order measured.</summary>
    public ImmutableArray<double> BytesPerSecond { get; }

    /// <summary>The fastest round.</summary>
    public double Best => BytesPerSecond.Max();

    /// <summary>(fastest - slowest) / fastest: 0 when every round agrees.</summary>
    public double RelativeSpread => (Best - BytesPerSecond.Min()) / Best;

    /// <summary>Whether <paramref name="relativeSpread"/> is too wide to trust shares of the roofline.</summary>
    public static bool IsTooWide(double relativeSpread) => relativeSpread > MaxTrustedSpread;
}
