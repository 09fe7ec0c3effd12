using System.Diagnostics;
using System.Text.Json;
using QuantBench.Reports.Exporters;
using QuantBench.Results;
using QuantBench.Testing;
using QuantBench.Tests.Gguf;
using QuantBench.Tests.Decisions;
using static QuantBench.Tests.Decisions.TestRuns;

namespace QuantBench.Tests.Reports.Exporters;

public sealed class LlamaBenchExportTests
{
    private static RunResult TwoModels() => Run(
        Model("F32", 14_664_256, 32.0, ttftMs: 7.5, tpotMs: 0.42),
        Model("Q4_K_M", 2_275_136, 4.92, ttftMs: 3.25, tpotMs: 0.2));

    // The fields compare-llama-bench.py requires in every JSON/JSONL record (its key properties + build, time, rate).
    private static readonly string[] CompareScriptKeys =
    [
        "cpu_info", "gpu_info", "backends", "n_gpu_layers", "tensor_buft_overrides", "model_filename", "model_type",
        "n_batch", "n_ubatch", "embeddings", "cpu_mask", "cpu_strict", "poll", "n_threads", "type_k", "type_v",
        "use_mmap", "no_kv_offload", "split_mode", "main_gpu", "tensor_split", "flash_attn", "n_prompt", "n_gen", "n_depth",
        "build_commit", "test_time", "avg_ts",
    ];

    [Fact]
    public void Json_has_llama_benchs_fields_in_its_order_plus_use_mmap()
    {
        using var reference = JsonDocument.Parse(File.ReadAllText(ReferenceData.LlamaCppOutput("llama-bench-tiny.json")));
        using var ours = JsonDocument.Parse(LlamaBenchJsonExporter.Render(TwoModels()));

        var expected = reference.RootElement[0].EnumerateObject().Select(p => p.Name).ToList();
        expected.Insert(expected.IndexOf("load_mode") + 1, "use_mmap");
        Assert.Equal(4, ours.RootElement.GetArrayLength());
        foreach (var record in ours.RootElement.EnumerateArray())
        {
            Assert.Equal(expected, record.EnumerateObject().Select(p => p.Name));
            // Types as llama-bench writes them: bools as true/false, integers bare, text quoted.
            Assert.Equal(reference.RootElement[0].EnumerateObject().Select(p => p.Value.ValueKind),
                record.EnumerateObject().Where(p => p.Name != "use_mmap").Select(p => p.Value.ValueKind));
        }
    }

    [Fact]
    public void Prefill_and_decode_tests_are_derived_from_the_raw_samples()
    {
        var run = TwoModels();
        using var json = JsonDocument.Parse(LlamaBenchJsonExporter.Render(run));
        var q4 = json.RootElement.EnumerateArray().Where(r => r.GetProperty("model_type").GetString() == "llama ?B Q4_K - Medium").ToList();
        var requests = run.Models[1].Latency!.Requests;

        var pp = q4.Single(r => r.GetProperty("n_gen").GetInt32() == 0);
        Assert.Equal(TestRuns.PromptTokens, pp.GetProperty("n_prompt").GetInt32());
        Assert.Equal(0, pp.GetProperty("n_depth").GetInt32());
        Assert.Equal(requests.Select(r => (long)Math.Round(r.PrefillMs * 1e6)), pp.GetProperty("samples_ns").EnumerateArray().Select(v => v.GetInt64()));
        Assert.Equal(requests.Select(r => r.PrefillTokensPerSecond), pp.GetProperty("samples_ts").EnumerateArray().Select(v => v.GetDouble()), new Tolerance(1e-3));

        var tg = q4.Single(r => r.GetProperty("n_prompt").GetInt32() == 0);
        Assert.Equal(TestRuns.OutputTokens, tg.GetProperty("n_gen").GetInt32());
        // The decode steps follow the prompt: llama-bench's tg<N> @ d<P>.
        Assert.Equal(TestRuns.PromptTokens, tg.GetProperty("n_depth").GetInt32());
        // Decode ns = TPOT x N, so that ts = N x 1e9 / ns is the decode rate, 1000 / TPOT.
        Assert.Equal(requests.Select(r => r.DecodeTokensPerSecond), tg.GetProperty("samples_ts").EnumerateArray().Select(v => v.GetDouble()), new Tolerance(1e-3));
        double[] ts = [.. tg.GetProperty("samples_ts").EnumerateArray().Select(v => v.GetDouble())];
        Assert.Equal(ts.Average(), tg.GetProperty("avg_ts").GetDouble(), 5);
        Assert.Equal(2_275_136 - 24_000, tg.GetProperty("model_size").GetInt64());
        Assert.Equal("b10221", tg.GetProperty("build_commit").GetString());
        Assert.Equal(10221, tg.GetProperty("build_number").GetInt32());
        Assert.Equal("2026-11-29T07:53:18Z", tg.GetProperty("test_time").GetString());
        Assert.Equal("tiny-Q4_K_M.gguf", tg.GetProperty("model_filename").GetString());
    }

    [Theory]
    [InlineData(null, -1)]
    [InlineData(false, 0)]
    [InlineData(true, 1)]
    public void Flash_attention_is_written_as_llama_cpp_s_enum(bool? setting, int expected)
    {
        var run = TwoModels();
        run = run with { Settings = run.Settings with { FlashAttention = setting } };
        using var json = JsonDocument.Parse(LlamaBenchJsonExporter.Render(run));
        Assert.All(json.RootElement.EnumerateArray(), r => Assert.Equal(expected, r.GetProperty("flash_attn").GetInt32()));
    }

    [Fact]
    public void Jsonl_has_one_parsable_record_per_line_with_every_key_compare_llama_bench_needs()
    {
        string jsonl = LlamaBenchJsonlExporter.Render(TwoModels());
        string[] lines = jsonl.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(4, lines.Length);
        foreach (string line in lines)
        {
            using var record = JsonDocument.Parse(line);
            foreach (string key in CompareScriptKeys)
            {
                Assert.True(record.RootElement.TryGetProperty(key, out _), $"missing {key}");
            }
        }
    }

    [Fact]
    public void Sql_creates_the_llama_bench_table_and_one_insert_per_test()
    {
        string sql = LlamaBenchSqlExporter.Render(TwoModels());
        string[] inserts = [.. sql.Split('\n').Where(l => l.StartsWith("INSERT INTO llama_bench (", StringComparison.Ordinal))];

        Assert.StartsWith("CREATE TABLE IF NOT EXISTS llama_bench (\n  build_commit TEXT,\n  build_number INTEGER,", sql, StringComparison.Ordinal);
        Assert.Contains("  avg_ts REAL,\n  stddev_ts REAL\n);", sql, StringComparison.Ordinal);
        Assert.Equal(4, inserts.Length);
        int columns = LlamaBenchRecords.Columns.Length;
        Assert.All(inserts, i => Assert.EndsWith(");", i, StringComparison.Ordinal));
        Assert.All(inserts, i => Assert.Equal(columns, i[(i.IndexOf("VALUES (", StringComparison.Ordinal) + 8)..^2].Split(", ").Length));
    }

    [SkippableFact]
    public void Sql_loads_into_sqlite_and_reads_back_the_rates()
    {
        Skip.IfNot(File.Exists("/usr/bin/sqlite3"), "Debian's sqlite3 is not at /usr/bin/sqlite3 (apt-get install sqlite3; .ci/run installs it)");

        var run = TwoModels() with { Models = [Model("it's", 1_000, 8, 5, 0.5)] };
        using var dir = new TempDir();
        new LlamaBenchSqlExporter().Export(run, dir.Path);

        var start = new ProcessStartInfo("/usr/bin/sqlite3", [dir.File("db.sqlite"), ".read " + dir.File("llama-bench.sql"),
            "SELECT model_filename, n_prompt, n_gen, typeof(avg_ns), use_mmap, avg_ts FROM llama_bench ORDER BY n_gen;"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd();
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();

        Assert.Equal("", error);
        Assert.Equal(0, process.ExitCode);
        var rows = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('|')).ToArray();
        var requests = run.Models[0].Latency!.Requests;
        Assert.Equal(2, rows.Length);
        Assert.Equal(["tiny-it's.gguf", $"{TestRuns.PromptTokens}", "0", "integer", "1"], rows[0][..5]);
        Assert.Equal(["tiny-it's.gguf", "0", $"{TestRuns.OutputTokens}", "integer", "1"], rows[1][..5]);
        Assert.Equal(requests.Average(r => r.PrefillTokensPerSecond), double.Parse(rows[0][5], System.Globalization.CultureInfo.InvariantCulture), 3);
        Assert.Equal(requests.Average(r => r.DecodeTokensPerSecond), double.Parse(rows[1][5], System.Globalization.CultureInfo.InvariantCulture), 3);
    }

    [Fact]
    public void Every_format_writes_the_same_text_under_a_decimal_comma_culture()
    {
        var run = TwoModels();
        string[] invariant = [LlamaBenchJsonExporter.Render(run), LlamaBenchJsonlExporter.Render(run), LlamaBenchSqlExporter.Render(run)];
        string[] comma = DecimalCommaCulture.Run(() => new[] { LlamaBenchJsonExporter.Render(run), LlamaBenchJsonlExporter.Render(run), LlamaBenchSqlExporter.Render(run) });

        Assert.Equal(invariant, comma);
        Assert.Matches("\"avg_ts\": [0-9]+\\.[0-9]{6},", comma[0]);
    }

    [Fact]
    public void Failed_models_write_no_tests()
    {
        var run = Run(ModelResult.Failed(new ModelDescriptor { Path = "/x.gguf", Label = "x" }, "bad"));

        Assert.Equal("[\n]\n", LlamaBenchJsonExporter.Render(run));
        Assert.Equal("", LlamaBenchJsonlExporter.Render(run));
        Assert.DoesNotContain("INSERT", LlamaBenchSqlExporter.Render(run), StringComparison.Ordinal);
    }

    private sealed class Tolerance(double relative) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= relative * Math.Max(Math.Abs(x), Math.Abs(y));

        public int GetHashCode(double obj) => 0;
    }
}
