using System.Collections.Immutable;
using System.ComponentModel;
using System.Globalization;
using QuantBench.Settings;

namespace QuantBench.Cli.Commands.Converters;

/// <summary>Binds <c>--scenarios</c>: a comma-separated list of scenario names in any case, each kept once, in order.</summary>
internal sealed class ScenarioListConverter : TypeConverter
{
    private const string Known = "(use latency, quality, throughput, tasks)";

    public override bool CanConvertFrom(ITypeDescriptorContext? context, Type sourceType) =>
        sourceType == typeof(string) || base.CanConvertFrom(context, sourceType);

    public override object ConvertFrom(ITypeDescriptorContext? context, CultureInfo? culture, object value) =>
        value is string text ? Parse(text) : base.ConvertFrom(context, culture, value)!;

    internal static ImmutableArray<Scenario> Parse(string text)
    {
        var scenarios = ImmutableArray.CreateBuilder<Scenario>();
        var unknown = new List<string>();
        foreach (string part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (Enum.TryParse<Scenario>(part, ignoreCase: true, out var scenario) && Enum.IsDefined(scenario))
            {
                if (!scenarios.Contains(scenario)) scenarios.Add(scenario);
            }
            else
            {
                unknown.Add(part);
            }
        }

        if (unknown.Count > 0) throw new OptionValueException($"unknown scenario {string.Join(", ", unknown.Select(u => $"'{u}'"))} {Known}");
        if (scenarios.Count == 0) throw new OptionValueException($"no scenario given {Known}");
        return scenarios.ToImmutable();
    }
}
