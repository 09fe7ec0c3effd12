using System.Collections.Immutable;
using System.Globalization;
using QuantBench.Engines;
using QuantBench.Results;

namespace QuantBench.Reports.Exporters;

/// <summary>
/// A run as llama-bench records: for each model that succeeded, a prefill test (n_prompt = P, n_gen = 0) and a
/// decode test (n_prompt = 0, n_gen = N), with llama-bench's field names, order and types (llama.cpp b10361),
/// plus <c>use_mmap</c>, the field older llama-bench builds and compare-llama-bench.py versions key on.
/// Samples (one per measured request, docs/metrics.md "llama-bench exports"):
/// prefill ns = the prefill time; decode ns = TPOT x N, the N - 1 timed decode steps scaled to N steps, so that
/// ts = n_gen x 1e9 / ns is QuantBench's decode rate. avg/stddev are the mean and sample standard deviation
/// (n - 1, 0 for one sample) of the samples, as llama-bench computes them.
/// </summary>
public static class LlamaBenchRecords
{
    public static ImmutableArray<LlamaBenchRecord> From(RunResult run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var records = ImmutableArray.CreateBuilder<LlamaBenchRecord>();
        foreach (var model in run.Models.Where(m => m.Status == ModelStatus.Succeeded && m.Latency is not null))
        {
            var latency = model.Latency!;
            int p = latency.PromptTokens, n = latency.OutputTokens;
            long[] prefillNs = [.. latency.Requests.Select(r => r.PrefillMs).Where(Positive).Select(Nanoseconds)];
            long[] decodeNs = [.. latency.Requests.Select(r => r.TimePerOutputTokenMs * n).Where(Positive).Select(Nanoseconds)];
            // The decode steps follow the P-token prompt: llama-bench would call that test tg<N> @ d<P>.
            if (prefillNs.Length > 0) records.Add(Record(run, model, p, 0, 0, prefillNs));
            if (decodeNs.Length > 0) records.Add(Record(run, model, 0, n, p, decodeNs));
        }

        return records.ToImmutable();
    }

    private static bool Positive(double ms) => double.IsFinite(ms) && ms > 0;

    private static long Nanoseconds(double ms) => Math.Max(1, (long)Math.Round(ms * 1e6));

    private static LlamaBenchRecord Record(RunResult run, ModelResult model, int nPrompt, int nGen, int nDepth, long[] samplesNs)
    {
        double[] samplesTs = [.. samplesNs.Select(ns => 1e9 * (nPrompt + nGen) / ns)];
        var s = run.Settings;
        var engine = model.Engine ?? run.Engine;
        string build = engine?.NativeBuild ?? "unknown";
        ImmutableArray<LlamaBenchField> fields =
        [
            LlamaBenchField.Text("build_commit", build),
            LlamaBenchField.Integer("build_number", BuildNumber(build)),
            LlamaBenchField.Text("cpu_info", run.Machine?.CpuModel ?? ""),
            LlamaBenchField.Text("gpu_info", ""),
            LlamaBenchField.Text("backends", "CPU"),
            LlamaBenchField.Text("model_filename", Path.GetFileName(model.Model.Path)),
            LlamaBenchField.Text("model_type", LlamaBenchModelType.Describe(model.Model)),
            LlamaBenchField.Integer("model_size", model.Model.TensorBytes),
            LlamaBenchField.Integer("model_n_params", model.Model.ParameterCount),
            LlamaBenchField.Integer("n_batch", s.BatchSize),
            LlamaBenchField.Integer("n_ubatch", s.MicroBatchSize),
            LlamaBenchField.Integer("n_threads", s.Threads),
            LlamaBenchField.Text("cpu_mask", "0x0"),
            LlamaBenchField.Boolean("cpu_strict", false),
            LlamaBenchField.Integer("poll", 50),
            LlamaBenchField.Text("type_k", "f16"),
            LlamaBenchField.Text("type_v", "f16"),
            LlamaBenchField.Integer("n_gpu_layers", 0),
            LlamaBenchField.Integer("n_cpu_moe", 0),
            LlamaBenchField.Text("split_mode", "layer"),
            LlamaBenchField.Integer("main_gpu", 0),
            LlamaBenchField.Boolean("no_kv_offload", false),
            // llama.cpp's llama_flash_attn_type: -1 auto, 0 off, 1 on.
            LlamaBenchField.Integer("flash_attn", s.FlashAttention switch { null => -1, false => 0, true => 1 }),
            LlamaBenchField.Text("devices", "auto"),
            LlamaBenchField.Text("tensor_split", "0.00"),
            LlamaBenchField.Text("tensor_buft_overrides", "none"),
            LlamaBenchField.Text("load_mode", LoadModeName(s.LoadMode)),
            LlamaBenchField.Boolean("use_mmap", s.LoadMode != LoadMode.NoMmap),
            LlamaBenchField.Boolean("embeddings", false),
            LlamaBenchField.Integer("no_op_offload", 0),
            LlamaBenchField.Boolean("no_host", false),
            LlamaBenchField.Integer("fit_target", 0),
            LlamaBenchField.Integer("fit_min_ctx", 0),
            LlamaBenchField.Integer("n_prompt", nPrompt),
            LlamaBenchField.Integer("n_gen", nGen),
            LlamaBenchField.Integer("n_depth", nDepth),
            LlamaBenchField.Text("test_time", run.StartedUtc.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)),
            LlamaBenchField.Integer("avg_ns", (long)Math.Round(samplesNs.Average())),
            LlamaBenchField.Integer("stddev_ns", (long)Math.Round(StandardDeviation([.. samplesNs.Select(v => (double)v)]))),
            LlamaBenchField.Real("avg_ts", samplesTs.Average()),
            LlamaBenchField.Real("stddev_ts", StandardDeviation(samplesTs)),
        ];
        return new LlamaBenchRecord(fields, [.. samplesNs], [.. samplesTs]);
    }

    /// <summary>The SQL table's columns: the fields of any record (every record has the same).</summary>
    public static ImmutableArray<(string Name, string SqlType)> Columns { get; } =
        [.. Record(EmptyRun, EmptyModel, 1, 0, 0, [1]).Fields.Select(f => (f.Name, f.SqlType))];

    // llama.cpp names builds b<number>; llama-bench's build_number is that number.
    private static long BuildNumber(string build) =>
        build.StartsWith('b') && long.TryParse(build.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out long number) ? number : 0;

    // llama.cpp's llama_load_mode_name.
    private static string LoadModeName(LoadMode mode) => mode switch
    {
        LoadMode.NoMmap => "none",
        LoadMode.Mlock => "mmap+mlock",
        _ => "mmap",
    };

    private static double StandardDeviation(double[] values)
    {
        if (values.Length < 2)
        {
            return 0;
        }

        double mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1));
    }

    private static RunResult EmptyRun => new() { ToolVersion = "", StartedUtc = default, Settings = new() };

    private static ModelResult EmptyModel => new() { Model = new ModelDescriptor { Path = "", Label = "" } };
}
