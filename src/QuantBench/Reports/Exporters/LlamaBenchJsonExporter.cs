using System.Text;
using QuantBench.Results;

namespace QuantBench.Reports.Exporters;

/// <summary>llama-bench.json: the run as <c>llama-bench -o json</c> writes it (an array of test records), see <see cref="LlamaBenchRecords"/>.</summary>
public sealed class LlamaBenchJsonExporter : IExporter
{
    public string FileName => "llama-bench.json";

    public void Export(RunResult run, string directory) =>
        AtomicFile.WriteAllText(Path.Combine(directory, FileName), Render(run));

    public static string Render(RunResult run)
    {
        var text = new StringBuilder("[\n");
        var records = LlamaBenchRecords.From(run);
        for (int i = 0; i < records.Length; i++)
        {
            text.Append("  {\n");
            foreach (var field in records[i].Fields)
            {
                text.Append("    ").Append(LlamaBenchField.JsonString(field.Name)).Append(": ").Append(field.JsonValue).Append(",\n");
            }

            text.Append("    \"samples_ns\": ").Append(records[i].SamplesNsJson).Append(",\n");
            text.Append("    \"samples_ts\": ").Append(records[i].SamplesTsJson).Append('\n');
            text.Append(i < records.Length - 1 ? "  },\n" : "  }\n");
        }

        return text.Append("]\n").ToString();
    }
}
