using System.Globalization;

namespace QuantBench.Serving;

/// <summary>
/// The objectives a request must meet to count towards goodput, e.g. <c>ttft=200ms,tpot=50ms</c>
/// (vLLM's <c>--goodput</c>); an objective left out is not checked.
/// </summary>
public sealed record ServiceLevelObjective(double? TimeToFirstTokenMs, double? TimePerOutputTokenMs, double? EndToEndMs)
{
    public static ServiceLevelObjective Default { get; } = new(200, 50, null);

    public bool IsMetBy(ServingSample sample)
    {
        if (!sample.Succeeded)
        {
            return false;
        }

        return Within(sample.TimeToFirstTokenMs, TimeToFirstTokenMs)
            && Within(sample.TimePerOutputTokenMs, TimePerOutputTokenMs)
            && Within(sample.EndToEndMs, EndToEndMs);
    }

    // An objective on a figure the request does not have (TPOT of a one-token answer) is not failed by it.
    private static bool Within(double? value, double? limit) => limit is not { } l || value is not { } v || v <= l;

    public override string ToString() => string.Join(",", new[]
    {
        TimeToFirstTokenMs is { } t ? Invariant($"ttft={t}ms") : null,
        TimePerOutputTokenMs is { } p ? Invariant($"tpot={p}ms") : null,
        EndToEndMs is { } e ? Invariant($"e2e={e}ms") : null,
    }.OfType<string>());

    /// <summary>Parses <c>ttft=200ms,tpot=50ms,e2e=2s</c> (units ms or s; a bare number is ms).</summary>
    /// <exception cref="FormatException">The text names an unknown figure or a value that is not a positive time.</exception>
    public static ServiceLevelObjective Parse(string text)
    {
        double? ttft = null, tpot = null, e2e = null;
        foreach (string part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            string[] pair = part.Split('=', 2, StringSplitOptions.TrimEntries);
            if (pair.Length != 2)
            {
                throw new FormatException($"'{part}' is not NAME=TIME (e.g. ttft=200ms)");
            }

            double ms = ParseMs(pair[1], part);
            switch (pair[0].ToLowerInvariant())
            {
                case "ttft": ttft = ms; break;
                case "tpot": tpot = ms; break;
                case "e2e" or "e2el": e2e = ms; break;
                default: throw new FormatException($"unknown objective '{pair[0]}' (ttft, tpot or e2e)");
            }
        }

        return ttft is null && tpot is null && e2e is null
            ? throw new FormatException($"no objective in '{text}' (e.g. ttft=200ms,tpot=50ms)")
            : new ServiceLevelObjective(ttft, tpot, e2e);
    }

    private static double ParseMs(string value, string part)
    {
        (string number, double scale) = value.EndsWith("ms", StringComparison.OrdinalIgnoreCase) ? (value[..^2], 1.0)
            : value.EndsWith('s') || value.EndsWith('S') ? (value[..^1], 1000.0)
            : (value, 1.0);
        return double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && v > 0 && double.IsFinite(v)
            ? v * scale
            : throw new FormatException($"'{part}': the time must be a positive number of ms or s");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
