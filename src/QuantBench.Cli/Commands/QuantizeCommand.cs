using System.Collections.Immutable;
using System.ComponentModel;
using QuantBench.Gguf;
using QuantBench.LlamaCpp;
using QuantBench.Models;
using QuantBench.Preparation;
using QuantBench.Reports;
using Spectre.Console;
using Spectre.Console.Cli;

namespace QuantBench.Cli.Commands;

/// <summary>
/// <c>quantbench quantize BASE --types ...</c>: a ladder of quantized models made by llama.cpp's quantizer, with
/// llama-quantize's options. Every level is planned with llama.cpp's rules first; a level llama.cpp cannot make
/// gets one error line and the others are still made; after each level the file is read back and its real type
/// mix and fallbacks are printed.
/// </summary>
internal sealed class QuantizeCommand(IAnsiConsole console) : Command<QuantizeCommand.Settings>
{
    internal const int SomeLevelsFailed = 1;

    internal sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<base>")]
        [Description("An F32, F16 or BF16 GGUF model.")]
        public string Base { get; init; } = "";

        [CommandOption("--types <LIST>")]
        [Description("Comma-separated levels as llama-quantize names them, e.g. q8_0,q4_k_m,iq4_xs.")]
        [DefaultValue("f16,q8_0,q6_k,q5_k_m,q4_k_m,q4_0,q3_k_m,q2_k")]
        public string Types { get; init; } = "f16,q8_0,q6_k,q5_k_m,q4_k_m,q4_0,q3_k_m,q2_k";

        [CommandOption("-o|--output <DIR>")]
        [Description("Output folder (default: beside the base model).")]
        public string? Output { get; init; }

        [CommandOption("-t|--threads <N>")]
        [Description("CPU threads for llama.cpp's quantizer (default: all logical cores).")]
        public int? Threads { get; init; }

        [CommandOption("--tensor-type <PATTERN=TYPE>")]
        [Description("llama-quantize's per-tensor type: weights whose name the regular expression finds get TYPE (repeatable; first match wins), e.g. ffn_down=f16.")]
        public string[] TensorTypes { get; init; } = [];

        [CommandOption("--output-tensor-type <TYPE>")]
        [Description("The type of output.weight.")]
        public string? OutputTensorType { get; init; }

        [CommandOption("--token-embedding-type <TYPE>")]
        [Description("The type of token_embd.weight.")]
        public string? TokenEmbeddingType { get; init; }

        [CommandOption("--pure")]
        [Description("Every weight in the level's main type, without llama.cpp's per-tensor mix (shape fallbacks still apply).")]
        public bool Pure { get; init; }

        [CommandOption("--imatrix <FILE>")]
        [Description("An importance matrix from llama-imatrix (GGUF); IQ1/IQ2/IQ3_XXS levels and Q2_K_S need one.")]
        public string? Imatrix { get; init; }

        public override ValidationResult Validate()
        {
            var problems = new List<string>();
            try
            {
                QuantizationTypes.ParseList(Types);
            }
            catch (FormatException e)
            {
                problems.Add(e.Message);
            }

            try
            {
                _ = ToOptions();
            }
            catch (FormatException e)
            {
                problems.Add(e.Message);
            }

            if (Threads is < 1)
            {
                problems.Add($"threads must be at least 1 (got {Threads})");
            }

            if (Imatrix is not null && !File.Exists(Imatrix))
            {
                problems.Add($"{Imatrix}: no such importance matrix file");
            }

            return problems.Count > 0 ? ValidationResult.Error(string.Join("; ", problems)) : ValidationResult.Success();
        }

        internal QuantizationOptions ToOptions() => new()
        {
            TensorTypes = [.. TensorTypes.Select(TensorTypeOverride.Parse)],
            OutputTensorType = OutputTensorType is null ? null : ParseType(OutputTensorType, "--output-tensor-type"),
            TokenEmbeddingType = TokenEmbeddingType is null ? null : ParseType(TokenEmbeddingType, "--token-embedding-type"),
            Pure = Pure,
            ImportanceMatrixPath = Imatrix,
        };

        private static GgmlType ParseType(string text, string option) => GgmlTypeNames.TryParse(text, out var type)
            ? type
            : throw new FormatException($"{option}: unknown ggml type '{text}'; known: {GgmlTypeNames.QuantizerTargets}");
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var types = QuantizationTypes.ParseList(settings.Types);
        var options = settings.ToOptions();
        if (options.ImportanceMatrixPath is { } imatrix)
        {
            // Read it once here, so that a bad file is one line before any level is planned.
            ImportanceMatrix.Read(imatrix);
        }

        string output = settings.Output ?? Path.GetDirectoryName(Path.GetFullPath(settings.Base))!;
        var plans = LadderBuilder.Plan(settings.Base, types, options);
        foreach (var plan in plans.Where(p => !p.CanQuantize))
        {
            console.MarkupLineInterpolated($"[red]error:[/] {plan.Failure}");
        }

        var builder = new LadderBuilder(new LlamaCppQuantizer());
        var table = new Table().Border(TableBorder.Rounded).AddColumn("level").AddColumn("file")
            .AddColumn(new TableColumn("size").RightAligned()).AddColumn(new TableColumn("bpw").RightAligned()).AddColumn("type mix");
        var made = new List<QuantizedLevel>();
        var possible = plans.Where(p => p.CanQuantize).ToImmutableArray();
        console.Progress().Start(progress =>
        {
            foreach (var plan in possible)
            {
                var task = progress.AddTask($"quantize {plan.Level}", maxValue: 1);
                var level = builder.Make(settings.Base, output, plan, options, settings.Threads ?? Environment.ProcessorCount, reuseExisting: false, cancellationToken);
                made.Add(level);
                var model = ModelInspector.Describe(level.Path);
                table.AddRow(Markup.Escape(level.Mix.Headline), Markup.Escape(level.Path), Units.Bytes(model.FileBytes),
                    Units.Number(model.BitsPerWeight, 2), Markup.Escape(string.Join(", ", level.Mix.Types)));
                task.Value = 1;
            }
        });
        foreach (var level in made)
        {
            console.MarkupLineInterpolated($"{level.Level}: {level.Mix.FallbackLine}");
            if (!level.Mismatches.IsEmpty)
            {
                console.MarkupLineInterpolated($"[yellow]warning:[/] {level.Level}: {level.Mismatches.Length} tensors differ from QuantBench's plan of llama.cpp's rules (e.g. {level.Mismatches[0]})");
            }
        }

        if (made.Count > 0)
        {
            console.Write(table);
        }

        return plans.Any(p => !p.CanQuantize) ? SomeLevelsFailed : 0;
    }
}
