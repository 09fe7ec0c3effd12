using System.Globalization;
using QuantBench.Reports.Exporters;
using QuantBench.Results;
using QuantBench.Tests.Gguf;
using static QuantBench.Tests.Decisions.TestRuns;

namespace QuantBench.Tests.Reports.Exporters;

public sealed class CsvExporterTests
{
    private static RunResult TwoModels() => Run(
        Model("F16", 8_000_000, 16.0, ttftMs: 40.5, tpotMs: 12.25),
        Model("Q4_K_M, imatrix", 2_000_000, 4.9, ttftMs: 20.5, tpotMs: 4.5));

    private static string[][] Parse(string csv) =>
        [.. csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(SplitRow)];

    // Enough of RFC 4180 for these rows: quoted cells may hold commas and doubled quotes.
    private static string[] SplitRow(string line)
    {
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"') { cell.Append('"'); i++; }
            else if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted) { cells.Add(cell.ToString()); cell.Clear(); }
            else cell.Append(c);
        }

        cells.Add(cell.ToString());
        return [.. cells];
    }

    [Fact]
    public void One_row_per_model_with_raw_numbers_under_unit_named_headers()
    {
        var rows = Parse(CsvExporter.Render(TwoModels()));
        var header = rows[0];
        string Cell(int row, string name) => rows[row][Array.IndexOf(header, name)];

        Assert.Equal(3, rows.Length);
        Assert.All(rows, r => Assert.Equal(header.Length, r.Length));
        Assert.Contains("ttft_ms_median", header);
        Assert.Contains("tg_tokens_per_s_p99", header);
        Assert.Equal("Q4_K_M, imatrix", Cell(2, "model"));
        Assert.Equal("2000000", Cell(2, "file_bytes"));
        Assert.Equal("20.5", Cell(2, "ttft_ms_median"));
        Assert.Equal(1000 / 4.5, double.Parse(Cell(2, "tg_tokens_per_s_median"), CultureInfo.InvariantCulture), 9);
        Assert.Equal(4.0, double.Parse(Cell(2, "size_ratio"), CultureInfo.InvariantCulture), 9);
        Assert.Equal("0.99", Cell(1, "ci_level"));
    }

    [Fact]
    public void Failed_models_have_empty_figures_and_their_cause()
    {
        var run = TwoModels();
        run = run with { Models = run.Models.Add(ModelResult.Failed(new ModelDescriptor { Path = "/x.gguf", Label = "x" }, "load failed: \"bad\" magic")) };

        var rows = Parse(CsvExporter.Render(run));
        var header = rows[0];

        Assert.Equal("failed", rows[3][Array.IndexOf(header, "status")]);
        Assert.Equal("load failed: \"bad\" magic", rows[3][Array.IndexOf(header, "failure")]);
        Assert.Equal("", rows[3][Array.IndexOf(header, "ttft_ms_mean")]);
    }

    [Fact]
    public void Numbers_use_a_decimal_point_under_a_decimal_comma_culture()
    {
        string invariant = CsvExporter.Render(TwoModels());
        string comma = DecimalCommaCulture.Run(() => CsvExporter.Render(TwoModels()));

        Assert.Equal(invariant, comma);
        Assert.Contains(",20.5,", comma, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_writes_results_csv()
    {
        using var dir = new TempDir();

        new CsvExporter().Export(TwoModels(), dir.Path);

        Assert.Equal(CsvExporter.Render(TwoModels()), File.ReadAllText(dir.File("results.csv")));
    }
}
