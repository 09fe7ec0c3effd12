using System.Globalization;
using System.Text.RegularExpressions;

namespace QuantBench.IntegrationTests.Quality;

/// <summary>Figures read from llama-perplexity's printed output, so tests compare with the tool and hard-code nothing.</summary>
internal static partial class LlamaPerplexityOutput
{
    /// <summary>"Final estimate: PPL = 1592.3530 +/- 8.27331" -> (1592.3530, 8.27331).</summary>
    internal static (double Value, double Uncertainty) FinalEstimate(string path)
    {
        var match = FinalEstimatePattern().Match(File.ReadAllText(path));
        if (!match.Success)
        {
            throw new InvalidDataException($"{path}: no final PPL estimate");
        }

        return (Parse(match.Groups[1].Value), Parse(match.Groups[2].Value));
    }

    /// <summary>"perplexity: calculating perplexity over 601 chunks, n_ctx=128, ..." -> 601.</summary>
    internal static int Chunks(string path)
    {
        var match = ChunksPattern().Match(File.ReadAllText(path));
        if (!match.Success)
        {
            throw new InvalidDataException($"{path}: no chunk count");
        }

        return int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    /// <summary>The value (and ± when printed) after a statistic's label, e.g. "Mean    KLD" or "Same top p"; percent signs are not converted.</summary>
    internal static (double Value, double Uncertainty) Statistic(string path, string label)
    {
        foreach (string line in File.ReadLines(path))
        {
            if (!line.StartsWith(label, StringComparison.Ordinal))
            {
                continue;
            }

            var numbers = NumberPattern().Matches(line[label.Length..]);
            return (Parse(numbers[0].Value), numbers.Count > 1 ? Parse(numbers[1].Value) : double.NaN);
        }

        throw new InvalidDataException($"{path}: no line starting with '{label}'");
    }

    private static double Parse(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"PPL = ([0-9.]+) \+/- ([0-9.]+)")]
    private static partial Regex FinalEstimatePattern();

    [GeneratedRegex(@"calculating perplexity over ([0-9]+) chunks")]
    private static partial Regex ChunksPattern();

    [GeneratedRegex(@"-?[0-9]+\.[0-9]+")]
    private static partial Regex NumberPattern();
}
