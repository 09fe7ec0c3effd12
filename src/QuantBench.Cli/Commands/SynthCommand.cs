using System.ComponentModel;
using QuantBench.Engines;
using QuantBench.Gguf;
using QuantBench.Progress;
using QuantBench.Reports;
using QuantBench.Synthetic;
using Spectre.Console;
using Spectre.Console.Cli;

namespace QuantBench.Cli.Commands;

/// <summary><c>quantbench synth</c>: write a synthetic llama model with random weights from a seed.</summary>
internal sealed class SynthCommand(IAnsiConsole console) : Command<SynthCommand.Settings>
{
    internal sealed class Settings : CommandSettings
    {
        [CommandOption("--preset <NAME>")]
        [Description("tiny, small, medium or large; odd576, odd96 or odd64 for shapes whose rows do not fit every quantization block.")]
        [DefaultValue("small")]
        public string Preset { get; init; } = "small";

        [CommandOption("--seed <N>")]
        [Description("Seed of the random weights: the same seed and preset give the same weights.")]
        [DefaultValue(RequestDefaults.Seed)]
        public int Seed { get; init; } = RequestDefaults.Seed;

        [CommandOption("-o|--output <FILE>")]
        [Description("Default: synthetic-<preset>-seed<N>.gguf in the current folder.")]
        public string? Output { get; init; }

        public override ValidationResult Validate() =>
            Seed < 0 ? ValidationResult.Error($"seed cannot be negative (got {Seed})") : ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var preset = SyntheticModelPresets.Find(settings.Preset);
        string output = settings.Output ?? $"synthetic-{preset.Name}-seed{settings.Seed}.gguf";
        string? folder = Path.GetDirectoryName(Path.GetFullPath(output));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        console.Progress().Start(progress =>
        {
            var task = progress.AddTask($"writing {Markup.Escape(output)}", maxValue: 1.0);
            SyntheticModelGenerator.Write(preset, (ulong)settings.Seed, output, new SynchronousProgress<double>(f => task.Value = f), cancellationToken);
            task.Value = 1.0;
        });
        var summary = GgufModelSummary.From(GgufReader.Read(output));
        console.MarkupLineInterpolated($"Wrote {Path.GetFullPath(output)}: synthetic {preset.Name} llama model (random weights, seed {settings.Seed}), {Units.Parameters(summary.ParameterCount)} parameters, {Units.Bytes(summary.FileBytes)}.");
        return 0;
    }
}
