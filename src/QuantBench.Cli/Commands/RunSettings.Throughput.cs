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

/// <summary>Options of <c>quantbench run</c>: the throughput scenario (batch-size sweep, context depths, mixed load).</summary>
internal sealed partial class RunSettings
{
    [CommandOption("--sweep-batch-sizes|--batch-sizes <LIST>")]
    [Description("Throughput: concurrent sequences at each step of the batch-size sweep, comma-separated (default 1,2,4,8,16,32; 1,4,16 for the embedded default). --batch-sizes is the old name.")]
    public string? BatchSizes { get; init; }

    [CommandOption("--depths <LIST>")]
    [Description("Throughput: context depths for the decode rate, llama-bench's tg @ dN (default 0,512,2048; 0,512 for the embedded default).")]
    public string? Depths { get; init; }

    [CommandOption("--arrival-rate <PER_SECOND>")]
    [Description("Throughput: Poisson arrival rate of the mixed load (default: 70% of the model's own capacity).")]
    public double? ArrivalRate { get; init; }

    [CommandOption("--mixed-requests <N>")]
    [Description("Throughput: requests in the mixed load (default 16; 8 for the embedded default).")]
    public int? MixedRequests { get; init; }

    private static ImmutableArray<int> ParseIntegers(string text) =>
        text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => int.TryParse(part, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out int value) ? value : -1)
            .ToImmutableArray();

    private Throughput.ThroughputSettings ToThroughputSettings() => new()
    {
        BatchSizes = ParseIntegers(BatchSizes ?? (EmbeddedDefault ? "1,4,16" : "1,2,4,8,16,32")),
        ContextDepths = ParseIntegers(Depths ?? (EmbeddedDefault ? "0,512" : "0,512,2048")),
        ArrivalRatePerSecond = ArrivalRate ?? 0,
        MixedLoadRequests = MixedRequests ?? (EmbeddedDefault ? 8 : 16),
    };
}
