using System.Text;
using QuantBench.Results;

namespace QuantBench.Reports.Exporters;

/// <summary>
/// llama-bench.sql: a <c>llama_bench</c> table and one INSERT per test, as <c>llama-bench -o sql</c> writes them
/// (no samples: llama-bench's SQL has none). <c>sqlite3 llama-bench.sqlite &lt; llama-bench.sql</c> makes the
/// database compare-llama-bench.py reads.
/// </summary>
public sealed class LlamaBenchSqlExporter : IExporter
{
    public const string TableName = "llama_bench";

    public string FileName => "llama-bench.sql";

    public void Export(RunResult run, string directory) =>
        AtomicFile.WriteAllText(Path.Combine(directory, FileName), Render(run));

    public static string Render(RunResult run)
    {
        var text = new StringBuilder();
        var columns = LlamaBenchRecords.Columns;
        text.Append("CREATE TABLE IF NOT EXISTS ").Append(TableName).Append(" (\n");
        for (int i = 0; i < columns.Length; i++)
        {
            text.Append("  ").Append(columns[i].Name).Append(' ').Append(columns[i].SqlType).Append(i < columns.Length - 1 ? ",\n" : "\n");
        }

        text.Append(");\n\n");
        string names = string.Join(", ", columns.Select(c => c.Name));
        foreach (var record in LlamaBenchRecords.From(run))
        {
            text.Append("INSERT INTO ").Append(TableName).Append(" (").Append(names).Append(") VALUES (")
                .Append(string.Join(", ", record.Fields.Select(f => f.SqlValue))).Append(");\n");
        }

        return text.ToString();
    }
}
