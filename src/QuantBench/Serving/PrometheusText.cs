using System.Collections.Immutable;
using System.Globalization;

namespace QuantBench.Serving;

/// <summary>
/// Reads the Prometheus text exposition format (llama-server's and vLLM's <c>/metrics</c>): every sample's value,
/// summed over its label sets, by metric name (<c>vllm:prompt_tokens_total{model_name="m"} 12</c> becomes
/// <c>vllm:prompt_tokens_total = 12</c>). Comments and lines that are not samples are skipped.
/// </summary>
public static class PrometheusText
{
    public static ImmutableSortedDictionary<string, double> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var values = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (string raw in text.Split('\n'))
        {
            string line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            int nameEnd = line.IndexOfAny(['{', ' ', '\t']);
            if (nameEnd <= 0)
            {
                continue;
            }

            string name = line[..nameEnd];
            string rest = line[nameEnd..];
            if (rest[0] == '{')
            {
                int close = LabelsEnd(rest);
                if (close < 0)
                {
                    continue;
                }

                rest = rest[(close + 1)..];
            }

            string[] fields = rest.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length == 0 || !TryValue(fields[0], out double value))
            {
                continue;
            }

            values[name] = values.GetValueOrDefault(name) + value;
        }

        return values.ToImmutableSortedDictionary(StringComparer.Ordinal);
    }

    /// <summary>The index of the <c>}</c> that closes the label set, skipping quoted label values (which may hold braces).</summary>
    private static int LabelsEnd(string text)
    {
        bool quoted = false;
        for (int i = 1; i < text.Length; i++)
        {
            char c = text[i];
            if (quoted && c == '\\')
            {
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == '}' && !quoted)
            {
                return i;
            }
        }

        return -1;
    }

    private static bool TryValue(string text, out double value) => text switch
    {
        "+Inf" or "Inf" => (value = double.PositiveInfinity) > 0,
        "-Inf" => (value = double.NegativeInfinity) < 0,
        _ => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value),
    };
}
