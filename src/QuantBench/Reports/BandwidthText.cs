using System.Globalization;
using QuantBench.Machine;

namespace QuantBench.Reports;

/// <summary>The memory-bandwidth probe in words, and the warning when its rounds disagree too much to trust the roofline's shares.</summary>
public static class BandwidthText
{
    /// <summary>The conditions line: the read figure, its rounds and spread, the triad, threads and buffer.</summary>
    public static string Describe(MemoryBandwidthResult bw)
    {
        var text = new System.Text.StringBuilder();
        text.Append(Invariant($"{bw.GigabytesPerSecond:0.0} GB/s read"));
        if (bw.RoundBytesPerSecond.Length > 0 && bw.RelativeSpread is { } spread)
        {
            text.Append(Invariant($", best of {bw.RoundBytesPerSecond.Length} rounds ({string.Join(", ", bw.RoundBytesPerSecond.Select(r => Invariant($"{r / 1e9:0.0}")))}; spread {spread:P1})"));
        }

        if (bw.TriadBytesPerSecond is { } triad)
        {
            text.Append(Invariant($", STREAM triad {triad / 1e9:0.0} GB/s"));
        }

        text.Append(Invariant($"; {bw.Threads} threads"));
        if (bw.PinnedCpus.Length > 0)
        {
            text.Append(" pinned to CPUs ").Append(string.Join(",", bw.PinnedCpus));
        }

        text.Append(Invariant($", {bw.Passes} read passes over {Units.Bytes(bw.BufferBytes)}"));
        if (bw.L3CacheBytes is { } l3)
        {
            text.Append(Invariant($" (L3 {Units.Bytes(l3)})"));
        }

        if (TooWideWarning(bw) is { } warning)
        {
            text.Append(". ").Append(warning);
        }

        return text.ToString();
    }

    /// <summary>A sentence saying the roofline shares cannot be trusted, or null when the rounds agree (or were not recorded).</summary>
    public static string? TooWideWarning(MemoryBandwidthResult? bw) =>
        bw is { IsSpreadTooWide: true, RelativeSpread: { } spread }
            ? Invariant($"The probe's rounds differ by {spread:P0} (more than {BandwidthRounds.MaxTrustedSpread:P0}): the machine was busy, so the shares of the bandwidth limit (tg % of limit) are not to be trusted")
            : null;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
