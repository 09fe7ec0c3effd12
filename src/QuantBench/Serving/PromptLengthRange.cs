using System.Globalization;

namespace QuantBench.Serving;

/// <summary>A prompt length in tokens: fixed (<c>128</c>) or drawn uniformly from a range (<c>128:512</c>) with a seed.</summary>
public sealed record PromptLengthRange(int Min, int Max)
{
    public int Draw(Random random) => Min == Max ? Min : random.Next(Min, Max + 1);

    public override string ToString() => Min == Max
        ? Min.ToString(CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{Min}:{Max}");

    /// <exception cref="FormatException">Not N or A:B with 1 &lt;= A &lt;= B.</exception>
    public static PromptLengthRange Parse(string text)
    {
        string[] parts = text.Split(':', StringSplitOptions.TrimEntries);
        if (parts.Length is < 1 or > 2 || !parts.All(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
        {
            throw new FormatException($"'{text}' is not a token count N or a range A:B");
        }

        int min = int.Parse(parts[0], CultureInfo.InvariantCulture);
        int max = parts.Length == 2 ? int.Parse(parts[1], CultureInfo.InvariantCulture) : min;
        return min < 1 || max < min
            ? throw new FormatException($"'{text}': prompt tokens must be at least 1, and A <= B in A:B")
            : new PromptLengthRange(min, max);
    }
}
