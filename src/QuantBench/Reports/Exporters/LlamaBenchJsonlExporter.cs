using System.Text;
using QuantBench.Results;

namespace QuantBench.Reports.Exporters;

/// <summary>llama-bench.jsonl: one test record per line, as <c>llama-bench -o jsonl</c> writes it; read by compare-llama-bench.py.</summary>
public sealed class LlamaBenchJsonlExporter : IExporter
{
    public string FileName => "llama-bench.jsonl";

    public void Export(RunResult run, string directory) =>
        AtomicFile.WriteAllText(Path.Combine(directory, FileName), Render(run));

    public static string Render(RunResult run)
    {
        var text = new StringBuilder();
        foreach (var record in LlamaBenchRecords.From(run))
        {
            text.Append('{');
            foreach (var field in record.Fields)
            {
                text.Append(LlamaBenchField.JsonString(field.Name)).Append(": ").Append(field.JsonValue).Append(", ");
            }

            text.Append("\"samples_ns\": ").Append(record.SamplesNsJson).Append(", ");
            text.Append("\"samples_ts\": ").Append(record.SamplesTsJson).Append("}\n");
        }

        return text.ToString();
    }
}
