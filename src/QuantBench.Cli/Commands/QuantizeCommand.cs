using System.ComponentModel;
using QuantBench.LlamaCpp;
using QuantBench.Models;
using QuantBench.Preparation;
using QuantBench.Reports;
using Spectre.Console;
using Spectre.Console.Cli;

namespace QuantBench.Cli.Commands;

/// <summary><c>quantbench quantize BASE --types ...</c>: a ladder of quantized models made by llama.cpp's quantizer.</summary>
internal sealed class QuantizeCommand(IAnsiConsole console) : Command<QuantizeCommand.Settings>
{
    internal sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<base>")]
        [Description("An F32, F16 or BF16 GGUF model.")]
        public string Base { get; init; } = "";

        [CommandOption("--types <LIST>")]
        [Description("Comma-separated quantization types, e.g. q8_0,q4_k_m.")]
        [DefaultValue("f16,q8_0,q6_k,q5_k_m,q4_k_m,q4_0,q3_k_m,q2_k")]
        public string Types { get; init; } = "f16,q8_0,q6_k,q5_k_m,q4_k_m,q4_0,q3_k_m,q2_k";

        [CommandOption("-o|--output <DIR>")]
        [Description("Output folder (default: beside the base model).")]
        public string? Output { get; init; }

        [CommandOption("-t|--threads <N>")]
        public int? Threads { get; init; }

        public override ValidationResult Validate()
        {
            try
            {
                QuantizationTypes.ParseList(Types);
            }
            catch (FormatException e)
            {
                return ValidationResult.Error(e.Message);
            }

            return Threads is < 1 ? ValidationResult.Error($"threads must be at least 1 (got {Threads})") : ValidationResult.Success();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var types = QuantizationTypes.ParseList(settings.Types);
        string output = settings.Output ?? Path.GetDirectoryName(Path.GetFullPath(settings.Base))!;
        var builder = new LadderBuilder(new LlamaCppQuantizer());
        LadderBuilder.EnsureQuantizable(settings.Base, types);
        var table = new Table().Border(TableBorder.Rounded).AddColumn("type").AddColumn("file")
            .AddColumn(new TableColumn("size").RightAligned()).AddColumn(new TableColumn("bpw").RightAligned());
        console.Progress().Start(progress =>
        {
            foreach (var type in types)
            {
                var task = progress.AddTask($"quantize {type}", maxValue: 1);
                string path = builder.Build(settings.Base, output, [type], settings.Threads ?? Environment.ProcessorCount, reuseExisting: false, null, cancellationToken)[0];
                var model = ModelInspector.Describe(path);
                table.AddRow(type.ToString(), Markup.Escape(path), Units.Bytes(model.FileBytes), Units.Number(model.BitsPerWeight, 2));
                task.Value = 1;
            }
        });
        console.Write(table);
        return 0;
    }
}
