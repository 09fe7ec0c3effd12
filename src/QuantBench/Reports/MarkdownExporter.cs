using System.Globalization;
using System.Text;
using QuantBench.Decisions;
using QuantBench.Results;

namespace QuantBench.Reports;

/// <summary>report.md: the summary table, the conditions, notes and failures, for reading on GitHub or in a terminal.</summary>
public sealed class MarkdownExporter : IExporter
{
    public string FileName => "report.md";

    public void Export(RunResult run, string directory) =>
        AtomicFile.WriteAllText(Path.Combine(directory, FileName), Render(run));

    public static string Render(RunResult run)
    {
        if (run.Serving is not null)
        {
            return Serving.ServingMarkdown.Render(run);
        }

        if (run.Ladder is not null)
        {
            return Launching.LadderMarkdown.Render(run);
        }

        var text = new StringBuilder();
        text.AppendLine("# QuantBench report").AppendLine();
        foreach (string note in run.Notes)
        {
            text.AppendLine($"> {note}").AppendLine();
        }

        var table = SummaryTable.From(run);
        text.AppendLine(Row(table.Headers));
        text.AppendLine(Row(table.Headers.Select((h, i) => i == 0 ? "---" : "---:")));
        foreach (var row in table.Rows)
        {
            text.AppendLine(Row(row));
        }

        var s = run.Settings;
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Latency figures are the median ± sample standard deviation over the measured requests (see Conditions). Speed-up and size ratio are against the baseline{(run.BaselineChoice is { } b ? $", {b.Label} ({b.Reason})" : "")}. Definitions: docs/metrics.md.");
        AppendMeasurementNotes(text, run);
        text.AppendLine();
        text.AppendLine("## Conditions").AppendLine();
        foreach (var (name, value) in RunConditions.Describe(run))
        {
            text.AppendLine($"- {name}: {value}");
        }

        if (run.Phases.Length > 0)
        {
            text.AppendLine().AppendLine("## Phases").AppendLine();
            foreach (var phase in run.Phases)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"- {phase.Name}: {phase.Seconds:0.0} s");
            }
        }

        text.AppendLine().Append(RecommendationSection.Render(run));
        return text.ToString();
    }

    private static void AppendMeasurementNotes(StringBuilder text, RunResult run)
    {
        var measured = run.Models.Where(m => m.Latency is not null).ToArray();
        if (measured.Length > 0)
        {
            text.AppendLine().AppendLine("## Runs per model").AppendLine();
            foreach (var model in measured)
            {
                var l = model.Latency!;
                string stopping = l.Stopping is { } st
                    ? string.Create(CultureInfo.InvariantCulture, $"{st.Runs} measured ({st.Reason}; ms/request ±{st.RelativeHalfWidth:P1} at 99% confidence, target {(st.TargetMet ? "met" : "not met")})")
                    : $"{l.Requests.Length} measured";
                text.AppendLine(CultureInfo.InvariantCulture, $"- {model.Model.Label}: {l.WarmupRequests} warm-up, {stopping}");
            }
        }

        AppendPairedRatios(text, run);
        AppendMemory(text, measured, run.MemoryBandwidth);
        QualityMarkdown.Append(text, run);
        ThroughputMarkdown.Append(text, run);
        TaskMarkdown.Append(text, run);
        AppendNoise(text, run);
        var warned = run.Models.Select(m => (m.Model.Label, Warnings: OtherWarnings(m))).Where(m => m.Warnings.Length > 0).ToArray();
        if (warned.Length > 0)
        {
            text.AppendLine().AppendLine("## Warnings").AppendLine();
            foreach (var (label, warnings) in warned)
            {
                foreach (string warning in warnings)
                {
                    text.AppendLine($"- {label}: {warning}");
                }
            }
        }

        var failed = run.Models.Where(m => m.Status == ModelStatus.Failed).ToArray();
        if (failed.Length > 0)
        {
            text.AppendLine().AppendLine("## Failures").AppendLine();
            foreach (var model in failed)
            {
                text.AppendLine($"- {model.Model.Label} ({model.Model.Path}): {model.Failure}");
            }
        }
    }

    private static void AppendPairedRatios(StringBuilder text, RunResult run)
    {
        var paired = run.Models.Where(m => m.PairedRatios.Length > 0).ToArray();
        if (paired.Length == 0)
        {
            return;
        }

        text.AppendLine().AppendLine("## Ratios to the baseline, paired by round (interleaved)").AppendLine();
        text.AppendLine("Each round measured every model in turn; a ratio is the median over rounds of (model's round median / baseline's round median), with its 99% bootstrap interval and a paired test (faster or slower only when p < 0.01 and the change is at least 2%).").AppendLine();
        text.AppendLine(Row(["model", "figure", "ratio", "99% interval", "verdict"]));
        text.AppendLine(Row(["---", "---", "---:", "---:", "---"]));
        foreach (var model in paired)
        {
            foreach (var ratio in model.PairedRatios)
            {
                var e = ratio.Estimate;
                text.AppendLine(Row([model.Model.Label, $"{ratio.Figure} / {ratio.Baseline}", Units.Ratio(e.Ratio),
                    $"{Units.Ratio(e.ConfidenceIntervalLower)} – {Units.Ratio(e.ConfidenceIntervalUpper)}", e.Verdict.ToString()]));
            }
        }
    }

    private static void AppendMemory(StringBuilder text, IReadOnlyList<ModelResult> models, Machine.MemoryBandwidthResult? bandwidth)
    {
        var withPhases = models.Where(m => m.Memory is { Phases.Length: > 0 }).ToArray();
        if (withPhases.Length == 0)
        {
            return;
        }

        text.AppendLine().AppendLine("## Memory by phase").AppendLine();
        text.AppendLine("Peak resident memory of each model's worker in each phase, by the kernel's high-water mark (VmHWM, reset at the phase's start) and by a 200 Hz sampler in the parent, which also splits it into anonymous and file-backed (mmap'd weights) memory.").AppendLine();
        text.AppendLine(Row(["model", "phase", "VmHWM", "sampled peak", "anonymous", "file-backed", "samples"]));
        text.AppendLine(Row(["---", "---", "---:", "---:", "---:", "---:", "---:"]));
        static string Bytes(long? b) => b is { } v ? Units.Bytes(v) : "n/a";
        foreach (var model in withPhases)
        {
            foreach (var phase in model.Memory!.Phases)
            {
                text.AppendLine(Row([model.Model.Label, phase.Phase, Bytes(phase.KernelPeakResidentBytes), Bytes(phase.SampledPeakResidentBytes),
                    Bytes(phase.SampledPeakAnonymousBytes), Bytes(phase.SampledPeakFileBytes), phase.SampleCount.ToString(CultureInfo.InvariantCulture)]));
            }
        }

        var buffered = models.Where(m => m.Buffers is { } b && (b.KvCacheBytes > 0 || b.ComputeBufferBytes > 0)).ToArray();
        if (buffered.Length > 0)
        {
            text.AppendLine().AppendLine("Buffers llama.cpp reserved for the latency test's context, as it logged them:").AppendLine();
            text.AppendLine(Row(["model", "KV cache", "compute buffers", "output buffer", "weights"]));
            text.AppendLine(Row(["---", "---:", "---:", "---:", "---"]));
            foreach (var model in buffered)
            {
                var b = model.Buffers!;
                string weights = string.Join(", ", b.ModelBufferBytes.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {Units.Bytes(p.Value)}"));
                text.AppendLine(Row([model.Model.Label, Units.Bytes(b.KvCacheBytes), Units.Bytes(b.ComputeBufferBytes), Units.Bytes(b.OutputBufferBytes), weights]));
            }
        }

        var gpu = withPhases.Select(m => m.Memory!.Gpu).FirstOrDefault(g => g is not null);
        if (gpu is { Available: false })
        {
            text.AppendLine().AppendLine($"GPU memory: not measured ({gpu.UnavailableReason}).");
        }

        var roofs = models.Where(m => m.Roofline is not null).ToArray();
        if (roofs.Length > 0)
        {
            text.AppendLine().AppendLine("## Decode against the memory-bandwidth limit").AppendLine();
            text.AppendLine(Row(["model", "bytes read per token", "limit t/s", "measured t/s", "share of limit"]));
            text.AppendLine(Row(["---", "---:", "---:", "---:", "---:"]));
            foreach (var model in roofs)
            {
                var r = model.Roofline!;
                text.AppendLine(Row([model.Model.Label, Units.Bytes(r.BytesReadPerToken), Units.Number(r.MaxDecodeTokensPerSecond, 1), Units.Number(r.MeasuredDecodeTokensPerSecond, 1), Units.Number(100 * r.ShareOfLimit, 1) + " %"]));
            }

            if (BandwidthText.TooWideWarning(bandwidth) is { } warning)
            {
                text.AppendLine().AppendLine($"**{warning}.** Rerun on a quiet machine before reading the shares.");
            }
        }
    }

    private static void AppendNoise(StringBuilder text, RunResult run)
    {
        var noise = NoiseTable.From(run);
        if (noise.Rows.Length == 0)
        {
            return;
        }

        text.AppendLine().AppendLine("## Noise").AppendLine();
        text.AppendLine(Row(noise.Headers));
        text.AppendLine(Row(noise.Headers.Select((_, i) => i < 2 ? "---" : "---:")));
        foreach (var row in noise.Rows)
        {
            text.AppendLine(Row(row.Select(c => c.Offending ? $"**{c.Text}**" : c.Text)));
        }

        text.AppendLine().AppendLine(NoiseTable.Advice + " Every warning in words: results.json.");
    }

    // The noise warnings are in the noise table; the rest (quality not measured, ...) stay in words.
    private static string[] OtherWarnings(ModelResult model)
    {
        var noise = model.Latency is { } latency ? QuantBench.Latency.LatencyWarnings.For(latency).ToHashSet(StringComparer.Ordinal) : [];
        return [.. model.Warnings.Where(w => !noise.Contains(w))];
    }

    private static string Row(IEnumerable<string> cells) => MarkdownRow.Of(cells);
}
