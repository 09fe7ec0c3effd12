using System.ComponentModel;
using System.Globalization;
using QuantBench.Machine;
using QuantBench.Reports;
using Spectre.Console;
using Spectre.Console.Cli;

namespace QuantBench.Cli.Commands;

/// <summary><c>quantbench machine</c>: the machine's fingerprint and its memory bandwidth, as a run records them, without measuring a model.</summary>
internal sealed class MachineCommand(IAnsiConsole console) : Command<MachineCommand.Settings>
{
    internal sealed class Settings : CommandSettings
    {
        [CommandOption("-t|--threads <N>")]
        [Description("Threads of the bandwidth probe, as for run (default: all logical cores).")]
        public int? Threads { get; init; }

        [CommandOption("--rounds <N>")]
        [Description("Rounds of the bandwidth probe; the fastest counts and the spread between them is shown.")]
        [DefaultValue(MemoryBandwidthProbe.DefaultRounds)]
        public int Rounds { get; init; } = MemoryBandwidthProbe.DefaultRounds;

        public override ValidationResult Validate() =>
            Threads is < 1 ? ValidationResult.Error($"threads must be at least 1 (got {Threads})")
            : Rounds < 1 ? ValidationResult.Error($"rounds must be at least 1 (got {Rounds})")
            : ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var machine = MachineFingerprintReader.Read();
        int threads = settings.Threads ?? Math.Max(1, Environment.ProcessorCount);
        var bandwidth = MemoryBandwidthProbe.Measure(threads, rounds: settings.Rounds, cancellationToken: cancellationToken);
        var facts = new Grid().AddColumn().AddColumn();
        void Fact(string name, string value) => facts.AddRow(new Markup($"[grey]{Markup.Escape(name)}[/]"), new Text(value));
        Fact("CPU", $"{machine.CpuModel}, {machine.LogicalCores} logical cores, governor {machine.CpuGovernor}");
        Fact("memory", machine.TotalMemoryBytes is { } total ? Units.Bytes(total) : MachineFingerprint.Unavailable);
        if (machine.LoadAverage is { } load)
        {
            Fact("load average", load.OneMinute.ToString("0.00", CultureInfo.InvariantCulture) + " (1 min)");
        }

        foreach (var loadWarning in MachineLoadCheck.Check(machine, threads))
        {
            Fact("noisy machine", loadWarning.Message);
        }

        static string Gbps(IEnumerable<double> figures) => string.Join("  ", figures.Select(f => (f / 1e9).ToString("0.00", CultureInfo.InvariantCulture))) + " GB/s";
        Fact("read bandwidth", Gbps([bandwidth.BytesPerSecond]) + string.Create(CultureInfo.InvariantCulture, $" (best of {bandwidth.RoundBytesPerSecond.Length} rounds, spread {bandwidth.RelativeSpread ?? 0:P1})"));
        Fact("read rounds", Gbps(bandwidth.RoundBytesPerSecond));
        Fact("triad bandwidth", Gbps([bandwidth.TriadBytesPerSecond ?? 0]) + " (STREAM's count: 3 x 8 bytes per element)");
        Fact("triad rounds", Gbps(bandwidth.RoundTriadBytesPerSecond));
        Fact("threads", bandwidth.PinnedCpus.Length > 0 ? $"{bandwidth.Threads}, pinned to CPUs {string.Join(",", bandwidth.PinnedCpus)}" : $"{bandwidth.Threads}, not pinned");
        Fact("buffer", $"{Units.Bytes(bandwidth.BufferBytes)} (L3 {(bandwidth.L3CacheBytes is { } l3 ? Units.Bytes(l3) : "unknown")}), {bandwidth.Passes} read passes");
        if (BandwidthText.TooWideWarning(bandwidth) is { } warning)
        {
            Fact("warning", warning + ".");
        }

        console.Write(facts);
        return 0;
    }
}
