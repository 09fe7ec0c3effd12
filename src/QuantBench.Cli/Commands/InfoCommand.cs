using System.ComponentModel;
using System.Globalization;
using QuantBench.Gguf;
using QuantBench.Preparation;
using QuantBench.Reports;
using Spectre.Console;
using Spectre.Console.Cli;

namespace QuantBench.Cli.Commands;

/// <summary><c>quantbench info FILE</c>: what a GGUF file holds, read by QuantBench's own reader (no llama.cpp).</summary>
internal sealed class InfoCommand(IAnsiConsole console) : Command<InfoCommand.Settings>
{
    internal sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<model>")]
        [Description("A GGUF file.")]
        public string Model { get; init; } = "";
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ModelInspector.Describe(settings.Model);
        var summary = GgufModelSummary.From(GgufReader.Read(settings.Model));
        var facts = new Grid().AddColumn().AddColumn();
        void Fact(string name, string? value)
        {
            if (value is not null)
            {
                facts.AddRow(new Markup($"[grey]{Markup.Escape(name)}[/]"), new Text(value));
            }
        }

        static string? Number(long? value) => value?.ToString("N0", CultureInfo.InvariantCulture);

        Fact("file", Path.GetFullPath(settings.Model));
        Fact("name", summary.Name);
        Fact("architecture", summary.Architecture);
        Fact("parameters", $"{Number(summary.ParameterCount)} ({Units.Parameters(summary.ParameterCount)})");
        Fact("size on disk", $"{Number(summary.FileBytes)} bytes ({Units.Bytes(summary.FileBytes)})");
        Fact("tensor data", $"{Number(summary.TensorDataBytes)} bytes ({Units.Bytes(summary.TensorDataBytes)})");
        Fact("bits per weight", summary.BitsPerWeight.ToString("0.00", CultureInfo.InvariantCulture));
        Fact("file type", summary.FileType is { } ftype
            ? $"{ftype} ({(Enum.IsDefined((Models.QuantizationType)ftype) ? ((Models.QuantizationType)ftype).ToString() : "other")})"
            : null);
        Fact("context length", Number(summary.ContextLength));
        Fact("embedding length", Number(summary.EmbeddingLength));
        Fact("blocks", Number(summary.BlockCount));
        Fact("attention heads (KV)", summary.HeadCount is null ? null : $"{summary.HeadCount} ({summary.HeadCountKv})");
        Fact("feed-forward length", Number(summary.FeedForwardLength));
        Fact("vocabulary", Number(summary.VocabularySize));
        console.Write(facts);

        var mix = new Table().Border(TableBorder.Rounded).Title("tensor types")
            .AddColumn("type").AddColumn(new TableColumn("tensors").RightAligned())
            .AddColumn(new TableColumn("parameters").RightAligned()).AddColumn(new TableColumn("bytes").RightAligned())
            .AddColumn(new TableColumn("share of bytes").RightAligned());
        foreach (var share in summary.TypeMix)
        {
            mix.AddRow(
                share.Type.ToString(),
                share.TensorCount.ToString(CultureInfo.InvariantCulture),
                Number(share.ParameterCount)!,
                Units.Bytes(share.Bytes),
                (100.0 * share.Bytes / Math.Max(1, summary.TensorDataBytes)).ToString("0.0", CultureInfo.InvariantCulture) + " %");
        }

        console.Write(mix);
        return 0;
    }
}
