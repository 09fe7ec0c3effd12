using System.ComponentModel;
using System.Collections.Immutable;
using QuantBench.Engines;
using QuantBench.Models;
using QuantBench.Running;
using QuantBench.Settings;
using QuantBench.Statistics;
using QuantBench.Tasks;
using Spectre.Console;
using Spectre.Console.Cli;

namespace QuantBench.Cli.Commands;

/// <summary>Options of <c>quantbench run</c>: parsing of the options given as text.</summary>
internal sealed partial class RunSettings
{
    private static ImmutableArray<Scenario> ParseScenarios(string text, out string? problem)
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

        problem = unknown.Count > 0 ? $"unknown scenario {string.Join(", ", unknown.Select(u => $"'{u}'"))} (use latency, quality, throughput, tasks)"
            : scenarios.Count == 0 ? "no scenario given (use latency, quality, throughput, tasks)" : null;
        return scenarios.ToImmutable();
    }

    private static bool TryParseLoadMode(string text, out LoadMode mode)
    {
        mode = text.Trim().ToLowerInvariant() switch
        {
            "mmap" => Engines.LoadMode.Mmap,
            "no-mmap" or "nommap" => Engines.LoadMode.NoMmap,
            "mlock" => Engines.LoadMode.Mlock,
            _ => (LoadMode)(-1),
        };
        return Enum.IsDefined(mode);
    }
}
